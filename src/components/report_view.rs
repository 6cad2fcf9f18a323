//! The results screen, own or shared: the report markup from `overlap_core::markup`, then the
//! controls to share, keep, print, export, edit or start over.

use crate::adapters::download;
use crate::components::share_panel::SharePanel;
use crate::components::start_over::StartOver;
use crate::components::text::tr;
use crate::state::{use_app, Screen};
use crate::components::start_own::StartOwn;
use leptos::prelude::*;
use overlap_core::markup::{self, ReportOptions};
use overlap_core::{export, Instrument, Report, Response};

#[component]
pub fn ReportView(report: Report, response: Option<Response>, shared: bool) -> impl IntoView {
    let state = use_app();
    let instrument = Instrument::by_version(report.instrument_version).unwrap_or(Instrument::current());
    let report = StoredValue::new(report);
    let response = StoredValue::new(response);
    let html = move || {
        let locale = state.locale.get();
        let date = String::from(js_sys::Date::new_0().to_locale_date_string(locale.code(), &wasm_bindgen::JsValue::UNDEFINED));
        report.with_value(|r| markup::report(instrument, locale, r, &ReportOptions { shared, date: &date }))
    };
    let export_json = move |_| {
        if let Some(resp) = response.get_value() {
            let json = report.with_value(|r| export::json(instrument, &resp, r, state.locale.get_untracked()));
            download::offer("overlap-result.json", "application/json", &json);
        }
    };
    let export_csv = move |_| {
        let csv = report.with_value(|r| export::csv(r, state.locale.get_untracked()));
        download::offer("overlap-scores.csv", "text/csv", &csv);
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let share = (!shared).then(|| {
        response.get_value().map(|resp| view! { <SharePanel response=resp report=report.get_value()/> })
    });
    let has_answers = response.with_value(|r| r.is_some());
    // The consultancy's call to action: shown only when a URL is configured.
    let cta = state.config.with_value(|c| c.cta.clone()).map(|(text, url)| {
        let label = if text.is_empty() { tr("ui.results.cta_default").into_any() } else { text.into_any() };
        view! {
            <section class="ov-card" aria-labelledby="ov-cta-h" data-testid="cta">
                <h2 id="ov-cta-h">{tr("ui.results.cta_title")}</h2>
                <a class="ov-btn ov-btn--primary ov-cta" href=url rel="noopener noreferrer" target="_blank">{label}</a>
            </section>
        }
    });
    view! {
        <section class="ov-screen ov-results" aria-labelledby="ov-title" data-testid="results">
            <div inner_html=html></div>
            <div class="ov-controls ov-no-print">
                {cta}
                {share}
                <section class="ov-card" aria-labelledby="ov-keep-h">
                    <h2 id="ov-keep-h">{tr("ui.results.keep")}</h2>
                    <div class="ov-nav ov-nav--wrap">
                        <button type="button" class="ov-btn" data-testid="print" on:click=print>{tr("ui.results.print")}</button>
                        {has_answers.then(|| view! {
                            <button type="button" class="ov-btn" data-testid="export-json" on:click=export_json>{tr("ui.results.export_json")}</button>
                        })}
                        <button type="button" class="ov-btn" data-testid="export-csv" on:click=export_csv>{tr("ui.results.export_csv")}</button>
                    </div>
                </section>
                {if shared {
                    view! {
                        <StartOwn primary=true/>
                    }.into_any()
                } else {
                    view! {
                        <div class="ov-nav ov-nav--wrap">
                            <button type="button" class="ov-btn" data-testid="edit-answers" on:click=move |_| state.go(Screen::Review)>
                                {tr("ui.results.edit")}
                            </button>
                            <StartOver/>
                        </div>
                    }.into_any()
                }}
            </div>
        </section>
    }
}
