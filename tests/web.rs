//! Browser tests of the components, run in headless Chromium by wasm-bindgen-test-runner:
//! mount, click or change, `tick().await`, then assert on the DOM and the view-model.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use overlap::components::{actions, flow::Flow};
use overlap::state::{provide_app, use_app, AppState, Screen};
use overlap_core::progress::{key as progress_key, Progress};
use overlap_core::{Answer, Instrument, Role};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh host element and clean storage for each test. Earlier tests' hosts are removed, so
/// ids such as `ov-title` are unique in the document, as they are in the app.
fn host() -> web_sys::HtmlElement {
    storage().clear().unwrap();
    // Only our hosts: the test runner keeps its own output elements in the body.
    let old = document().query_selector_all(".test-host").unwrap();
    for i in 0..old.length() {
        if let Some(node) = old.item(i) {
            node.unchecked_into::<web_sys::Element>().remove();
        }
    }
    let div = document().create_element("div").unwrap();
    div.set_class_name("test-host");
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Mounts `Flow` with a fresh view-model, inside the root click handler the app puts around it,
/// and hands the view-model back to the test.
fn mount_flow(host: web_sys::HtmlElement) -> AppState {
    let slot = StoredValue::new_local(None::<AppState>);
    leptos::mount::mount_to(host, move || {
        provide_app(AppState::new());
        let state = use_app();
        slot.set_value(Some(state));
        view! { <div on:click=move |ev| actions::on_click(state, &ev)><Flow/></div> }
    })
    .forget();
    slot.get_value().expect("state provided")
}

fn click(el: &web_sys::Element) {
    el.unchecked_ref::<web_sys::HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn the_welcome_screen_renders_and_starts() {
    let h = host();
    let state = mount_flow(h.clone());
    tick().await;
    let title = h.query_selector("#ov-title").unwrap().expect("heading");
    assert!(title.text_content().unwrap().contains("internal IT"));
    click(&h.query_selector("[data-action=start]").unwrap().unwrap());
    tick().await;
    assert_eq!(state.screen.get_untracked(), Screen::Role);
    assert!(h.query_selector("[data-testid=role]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn next_without_a_role_says_a_role_is_needed() {
    let h = host();
    let state = mount_flow(h.clone());
    state.go(Screen::Role);
    tick().await;
    click(&h.query_selector("[data-action=next]").unwrap().unwrap());
    tick().await;
    assert_eq!(state.screen.get_untracked(), Screen::Role);
    let error = h.query_selector("#ov-role-error").unwrap().unwrap();
    assert!(!error.text_content().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn choosing_a_role_and_answering_updates_state_and_storage() {
    let h = host();
    let state = mount_flow(h.clone());
    state.go(Screen::Role);
    tick().await;
    click(&h.query_selector("input[name=role][value=internal_it]").unwrap().unwrap());
    tick().await;
    assert_eq!(state.role(), Some(Role::InternalIt));
    click(&h.query_selector("[data-action=next]").unwrap().unwrap());
    tick().await;
    assert_eq!(state.screen.get_untracked(), Screen::Section(0, 0));
    // The context section: pick the third option of the months question.
    click(&h.query_selector(r#"#item-ctx_months2 input[value=c2]"#).unwrap().unwrap());
    tick().await;
    assert_eq!(state.response.get_untracked().get_named("ctx_months2"), Some(Answer::Choice(2)));
    let saved = storage().get_item(&progress_key(Instrument::current().version)).unwrap().expect("saved");
    let progress = Progress::from_text(&saved).expect("readable");
    assert_eq!(progress.response.get_named("ctx_months2"), Some(Answer::Choice(2)));
    assert_eq!(progress.screen, Screen::Section(0, 0));
}

#[wasm_bindgen_test]
async fn likert_and_dont_know_answers_are_recorded() {
    let h = host();
    let state = mount_flow(h.clone());
    state.set_role(Role::Msp);
    let trust = Instrument::current().sections.iter().position(|s| s.id == "trust").unwrap();
    state.go(Screen::Section(trust, 0));
    tick().await;
    let first = h.query_selector("fieldset.ov-q:has(input[value=l1])").unwrap().expect("a Likert question");
    let legend = first.query_selector("legend").unwrap().expect("a legend");
    assert!(!legend.text_content().unwrap().is_empty());
    let radios = first.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 6, "five points and don't know");
    let name = radios.item(0).unwrap().unchecked_into::<web_sys::HtmlInputElement>().name();
    let slot = Instrument::current().input_slot(&name).expect("an answer input names its slot");
    click(&radios.item(3).unwrap().unchecked_into());
    tick().await;
    assert_eq!(state.response.get_untracked().get(slot), Some(Answer::Likert(4)));
    click(&radios.item(5).unwrap().unchecked_into());
    tick().await;
    assert_eq!(state.response.get_untracked().get(slot), Some(Answer::DontKnow));
}

#[wasm_bindgen_test]
async fn the_ownership_matrix_records_one_answer_per_area() {
    let h = host();
    let state = mount_flow(h.clone());
    state.set_role(Role::Leadership);
    let own = Instrument::current().sections.iter().position(|s| s.id == "ownership").unwrap();
    state.go(Screen::Section(own, 0));
    tick().await;
    // One labelled menu per matrix area.
    let menus = h.query_selector_all("#item-ow_matrix select").unwrap();
    assert_eq!(menus.length(), 13);
    let backup =
        h.query_selector("#item-ow_matrix-backup").unwrap().unwrap().unchecked_into::<web_sys::HtmlSelectElement>();
    let label = h.query_selector(r#"label[for="item-ow_matrix-backup"]"#).unwrap().expect("a label for the menu");
    assert!(!label.text_content().unwrap_or_default().is_empty());
    let choose = |value: &str| {
        backup.set_value(value);
        let _ = backup.dispatch_event(
            &web_sys::Event::new_with_event_init_dict("change", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        );
    };
    choose("o5");
    tick().await;
    assert_eq!(
        state.response.get_untracked().get_named("ow_matrix.backup"),
        Some(Answer::Owner(overlap_core::Owner::Nobody))
    );
    // Back to "choose": the answer is taken back.
    choose("");
    tick().await;
    assert_eq!(state.response.get_untracked().get_named("ow_matrix.backup"), None);
}

#[wasm_bindgen_test]
async fn corrupt_saved_progress_is_set_aside_with_a_notice() {
    let h = host();
    let key = progress_key(Instrument::current().version);
    storage().set_item(&key, "v2|section:trust|en|garbage!").unwrap();
    let state = mount_flow(h);
    tick().await;
    assert_eq!(state.notice.get_untracked(), Some(overlap::adapters::storage::Notice::CorruptSetAside));
    assert_eq!(state.screen.get_untracked(), Screen::Welcome);
    assert!(storage().get_item(&format!("overlap:set-aside:{key}")).unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_results_screen_shows_the_report_and_share_link() {
    let h = host();
    let state = mount_flow(h.clone());
    let sample = overlap_core::sample::healthy(Role::InternalIt);
    state.response.set(sample);
    state.go(Screen::Results);
    // The report arrives asynchronously (the results module is called through a future), then
    // an effect sets the link's value: a few ticks, bounded so a regression fails, not hangs.
    for _ in 0..20 {
        if h.query_selector("[data-testid=share-link]")
            .unwrap()
            .is_some_and(|l| !l.unchecked_into::<web_sys::HtmlInputElement>().value().is_empty())
        {
            break;
        }
        tick().await;
    }
    assert!(h.query_selector("[data-testid=headline]").unwrap().is_some());
    assert!(h.query_selector("[data-testid=bars] svg[role=img] title").unwrap().is_some());
    let link =
        h.query_selector("[data-testid=share-link]").unwrap().unwrap().unchecked_into::<web_sys::HtmlInputElement>();
    let value = link.value();
    assert!(value.contains("#r="), "share link: {value:?}");
}

#[wasm_bindgen_test]
async fn a_panic_leaves_an_apology_not_a_blank_page() {
    let h = host();
    // The apology replaces the app's host element, found by its id.
    h.set_id(overlap::HOST_ID);
    h.set_inner_html("<p>app</p>");
    overlap::panic_hook::show_apology();
    let alert = h.query_selector("[role=alert] h1").unwrap().expect("an apology heading");
    assert_eq!(alert.text_content().unwrap(), "Something went wrong");
    assert!(h.query_selector("a[href]").unwrap().is_some(), "a reload link");
    assert!(!h.inner_html().contains("<p>app</p>"));
    h.remove_attribute("id").unwrap();
}

/// The setup module draws its form, runs what is typed through the app's loader and says what
/// it refuses under the field, and the preview and the file follow. (The module is linked in with
/// `inline-modules`, as the test layer builds this file.)
#[cfg(feature = "inline-modules")]
#[wasm_bindgen_test]
async fn the_setup_screen_checks_as_you_type_and_previews() {
    use overlap_core::request::Request;
    let h = host();
    let request = Request {
        view: overlap_core::ui::View::Setup,
        locale: overlap_core::i18n::Locale::En,
        fragment: String::new(),
        fresh: true,
        around: Default::default(),
        threshold: 5,
        round_key: None,
        kiosk_turn: None,
        idle: 90,
    };
    let code = overlap_setup::show_setup(h.clone(), request.encode()).await;
    assert_eq!(overlap_core::ui::Shown::from_code(code), Some(overlap_core::ui::Shown::Drawn));
    let input = |id: &str, value: &str| {
        let el = document().get_element_by_id(id).unwrap().unchecked_into::<web_sys::HtmlInputElement>();
        el.set_value(value);
        el.dispatch_event(
            &web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    };
    input("ov-set-consultancy_name", "Contoso <Advisory>");
    input("ov-set-accent", "#ffff00");
    let text = |id: &str| document().get_element_by_id(id).unwrap().text_content().unwrap_or_default();
    assert!(text("ov-setup-preview").contains("Contoso <Advisory>"));
    assert!(text("ov-set-accent-problem").contains("4.5:1"), "{}", text("ov-set-accent-problem"));
    let json = text("ov-setup-json");
    assert!(json.contains(r#""consultancy_name": "Contoso \u003cAdvisory>""#), "{json}");
    assert!(!json.contains("accent"), "a refused accent is not written: {json}");
}
