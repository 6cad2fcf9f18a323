//! Every screen an on-demand module draws (own or shared results, the team view, a team summary):
//! one component that gives the module an element to draw into and shows what the app itself
//! owns around it. The module answers the screen's controls (files, copying, the team boxes);
//! "start my own assessment" reaches the app as a fragment change. While the module loads the
//! screen says so; if it cannot load, it says that and offers a retry.

use crate::adapters::by_id;
use crate::adapters::modules;
use crate::adapters::storage::Notice;
use crate::state::{use_app, OnDemand};
use leptos::prelude::*;
use leptos::task::spawn_local;
use overlap_core::config::Surroundings;
use overlap_core::markup;
use overlap_core::request::Request;
use overlap_core::share::LinkError;
use overlap_core::ui::{ids, Shown, View};

/// What the screen has to show around the module's drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Loaded {
    Waiting,
    Drawn,
    /// The module could not read the link (see below).
    LinkUnread,
    /// The results module did not load (offline, a blocked file).
    Unavailable,
}

/// The element the results module draws into.
const HOST: &str = ids::RESULTS_HOST;

#[component]
pub fn OnDemandScreen(screen: OnDemand) -> impl IntoView {
    let state = use_app();
    let own_report = screen.view == View::Own;
    let output = RwSignal::new(Loaded::Waiting);

    // Draws again whenever the language changes and on retry.
    Effect::new(move |_| {
        let locale = state.locale.get();
        state.results_retry.track();
        let first = output.get_untracked() != Loaded::Drawn;
        let screen = screen.clone();
        let request = state.config.with_value(|c| Request {
            view: screen.view,
            fragment: screen.fragment,
            locale,
            fresh: first,
            around: Surroundings {
                share_base: c
                    .share_base_url
                    .clone()
                    .or_else(|| markup::SafeUrl::new(&crate::adapters::location::page_url()))
                    .unwrap_or_default(),
                cta: c.cta.clone(),
                facilitator_email: c.facilitator_email.clone(),
                brand: c.consultancy_name.clone(),
                logo: c.logo.clone(),
            },
            threshold: c.team_threshold,
            round_key: state.round_key.get_untracked(),
            kiosk_turn: state.kiosk_turn(),
            idle: c.kiosk_idle_seconds,
        });
        spawn_local(async move {
            let Some(host) = by_id::<web_sys::HtmlElement>(HOST) else { return };
            output.set(match modules::show(&host, &request).await {
                Ok(Shown::Drawn) => Loaded::Drawn,
                // The module had no text in this language: it drew in English, and the app says
                // so in the language asked for, as when its own text is missing.
                Ok(Shown::InEnglish) => {
                    state.notice.set(Some(Notice::LocaleUnavailable(locale)));
                    Loaded::Drawn
                }
                Ok(Shown::LinkUnread) => Loaded::LinkUnread,
                Err(modules::Unavailable) => Loaded::Unavailable,
            });
            // The app's own focus step ran while the screen was still waiting: after a
            // navigation, move focus to the new heading now.
            if first && state.focus_request.get_untracked() > 0 {
                state.request_focus(ids::TITLE);
            }
        });
    });

    // Around the module's drawing: waiting, the load failure with its retry (handled on the
    // app's root), a link the module could not read, or the own results' buttons.
    let around = move || {
        let locale = state.locale.get();
        let mut o = markup::Html::new();
        match output.get() {
            Loaded::Waiting => markup::app::results_waiting(&mut o, locale),
            Loaded::Unavailable => markup::app::results_unavailable(&mut o, locale),
            // The app checked the link before showing this screen, so this is a link the
            // results module reads differently (a newer app, an older module): say so rather
            // than go blank.
            Loaded::LinkUnread => markup::app::link_error(&mut o, locale, LinkError::Garbled),
            // A kiosk's report has its own buttons (change answers, hand the device on).
            Loaded::Drawn if own_report && state.kiosk_turn().is_none() => {
                markup::app::own_results_extras(&mut o, locale)
            }
            Loaded::Drawn => {}
        }
        o.into_string()
    };
    view! {
        <div id=HOST class="ov-results-host"></div>
        <div inner_html=around></div>
    }
}
