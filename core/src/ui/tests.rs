//! The shared names: every action and view parses back from its text, names are distinct, and
//! every `data-action` any screen writes is an action this build knows.

use crate::i18n::Locale;
use crate::instrument::{Instrument, Role};
use crate::markup::{self, app, Html, SafeUrl};
use crate::response::Response;
use crate::sample;
use crate::ui::{Action, Shown, View};
use std::collections::HashSet;

const DAY: crate::i18n::Date = crate::i18n::Date { year: 2026, month: 1, day: 1 };

#[test]
fn actions_and_views_parse_back_and_are_distinct() {
    let mut seen = HashSet::new();
    for a in Action::all() {
        assert_eq!(Action::parse(a.as_str()), Some(a));
        assert!(seen.insert(a.as_str()), "{a:?} repeats a name");
    }
    for v in View::ALL {
        assert_eq!(View::parse(v.as_str()), Some(v));
    }
    assert_eq!(Action::parse("Start"), None);
    assert_eq!(Action::parse(""), None);
    assert_eq!(View::parse("report"), None);
}

/// What the configuration and the pasted links say, for [`every_screen`].
pub(crate) struct Inputs<'a> {
    pub name: &'a str,
    pub share_base: &'a str,
    pub cta: (&'a str, &'a str),
    /// Added to the pasted links (an unreadable line is shown back to the facilitator).
    pub pasted: &'a str,
}

impl Default for Inputs<'_> {
    fn default() -> Self {
        Inputs { name: "C", share_base: "https://x.example/", cta: ("Go", "https://c.example/"), pasted: "" }
    }
}

/// Every screen either module draws, in every language.
pub(crate) fn every_screen() -> Vec<String> {
    every_screen_with(&Inputs::default())
}

pub(crate) fn every_screen_with(inputs: &Inputs) -> Vec<String> {
    Locale::ALL.into_iter().flat_map(|locale| every_screen_in(locale, inputs)).collect()
}

/// Every screen either module draws, in one language.
pub(crate) fn every_screen_in(locale: Locale, inputs: &Inputs) -> Vec<String> {
    let i = Instrument::current();
    let mut out = Vec::new();
    {
        out.push(Html::build(|o| markup::welcome(o, locale, false, 5, false)).into_string());
        out.push(Html::build(|o| markup::welcome(o, locale, true, 5, true)).into_string());
        out.push(Html::build(|o| markup::role(o, locale, None)).into_string());
        for role in Role::ALL {
            for screen in crate::flow::Flow::new(i, Some(role)).screens() {
                let crate::flow::Screen::Section(s, p) = screen else { continue };
                out.push(
                    Html::build(|o| markup::section(o, i, locale, role, (s, p), (1, 9), &Response::new(i, Some(role))))
                        .into_string(),
                );
            }
            let mut partial = sample::healthy(role);
            partial.clear_all();
            out.push(Html::build(|o| markup::review(o, i, locale, &partial, 9)).into_string());
            let link = crate::share::encode_full(&sample::healthy(role)).unwrap();
            // An address only reaches the markup as a `SafeUrl`; whatever the configuration said,
            // the safe part of it is what is drawn.
            let around = crate::config::Surroundings {
                share_base: url(inputs.share_base),
                cta: Some((inputs.cta.0.into(), url(inputs.cta.1))),
                facilitator_email: None,
                brand: Some(inputs.name.into()),
                logo: SafeUrl::new(inputs.name),
            };
            // With and without a facilitator's address: the send control differs.
            let emailed =
                crate::config::Surroundings { facilitator_email: Some("f@x.example".into()), ..around.clone() };
            for (shared, around) in [(false, &around), (true, &around), (false, &emailed)] {
                out.push(crate::results::report(locale, &format!("r={link}"), shared, DAY, around, None).unwrap());
            }
            out.extend(kiosk_screens(locale, &format!("r={link}"), &around));
            // The setup screen and its preview, with what the configuration says.
            let (config, _) = crate::config::Config::from_raw(crate::config::RawConfig {
                consultancy_name: Some(inputs.name.into()),
                cta_text: Some(inputs.cta.0.into()),
                cta_url: Some(inputs.cta.1.into()),
                share_base_url: Some(inputs.share_base.into()),
                allowed_parent_origins: Some(vec![inputs.name.into()]),
                ..Default::default()
            });
            out.push(Html::build(|o| crate::markup::setup::screen(o, locale, &config)).into_string());
            for results in [false, true] {
                out.push(crate::markup::setup::preview_html(locale, &config, results, DAY));
            }
        }
        let links = crate::sample::team_links_text(20) + inputs.pasted;
        let around = crate::config::Surroundings {
            share_base: url(inputs.share_base),
            brand: Some(inputs.name.into()),
            logo: SafeUrl::new(inputs.name),
            ..Default::default()
        };
        let keys = [crate::seal::HeldKey {
            label: inputs.name.into(),
            secret: crate::seal::SecretRoundKey::from_random([7; 32]),
        }];
        let settings = crate::config::TeamSettings {
            threshold: 5,
            around: &around,
            today: DAY,
            keys: &keys,
            current: Some(0),
            kiosk_idle: 90,
        };
        out.push(crate::team::screen(locale, &links, &links, &settings, true));
        out.push(crate::team::screen(locale, "", "", &settings, false));
        let summary = crate::team::tests::summary_payload(&crate::team::figures(locale, &links, "", &settings));
        out.push(crate::team::summary(locale, &format!("t={summary}")).unwrap());
        out.push(Html::build(|o| app::start_over_row(o, locale)).into_string());
        out.push(Html::build(|o| app::own_results_extras(o, locale)).into_string());
        out.push(Html::build(|o| app::link_error(o, locale, crate::share::LinkError::Altered)).into_string());
        out.push(Html::build(|o| app::notice(o, locale, "x", None)).into_string());
        out.push(
            Html::build(|o| app::header(o, locale, Some(inputs.name), SafeUrl::new(inputs.name).as_ref()))
                .into_string(),
        );
        out.push(Html::build(|o| app::notice(o, locale, inputs.name, Some(inputs.name))).into_string());
        out.push(Html::build(|o| app::results_unavailable(o, locale)).into_string());
        out.push(Html::build(|o| app::results_waiting(o, locale)).into_string());
    }
    out
}

/// Kiosk mode's screens: the welcome (with and without storage), not set up, the countdown, a
/// finished report (kept, and not kept), unlock (PIN and key), the collected links.
fn kiosk_screens(locale: Locale, fragment: &str, around: &crate::config::Surroundings) -> Vec<String> {
    use crate::markup::kiosk;
    let key = crate::seal::SecretRoundKey::from_random([6; 32]).public();
    let sealed = key.seal_link(fragment, [8; 32]).unwrap();
    let mut out = Vec::new();
    for (collected, storage_ok) in [(0, true), (1, true), (12, false)] {
        let w = kiosk::Welcome { collected, idle: 90, storage_ok };
        out.push(Html::build(|o| kiosk::welcome(o, locale, &w)).into_string());
    }
    out.push(Html::build(|o| kiosk::not_set_up(o, locale)).into_string());
    out.push(Html::build(|o| kiosk::idle_dialog(o, locale, 30)).into_string());
    for (sealed, kept) in [(sealed.as_str(), true), ("", false)] {
        out.push(crate::results::kiosk_report(locale, fragment, DAY, around, sealed, key, kept).unwrap());
    }
    for has_pin in [true, false] {
        out.push(Html::build(|o| kiosk::unlock(o, locale, has_pin)).into_string());
    }
    let links = vec![around.link("", &sealed); 2];
    out.push(Html::build(|o| kiosk::collected(o, locale, &links)).into_string());
    out
}

/// The address as a `SafeUrl`, or this site's own page when it cannot be one.
fn url(s: &str) -> SafeUrl {
    SafeUrl::new(s).unwrap_or_default()
}

/// Only addresses that cannot run script become a `SafeUrl`, and one is always escaped.
#[test]
fn only_safe_addresses_reach_an_attribute() {
    for bad in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:x",
        "//evil.example/x",
        "logo.svg\" onload=\"x",
        "a\u{0}b",
    ] {
        assert_eq!(SafeUrl::new(bad), None, "{bad}");
    }
    for good in [
        "https://x.example/a?b=1&c=2",
        "http://x.example/",
        "mailto:a@b.example",
        "data:image/png;base64,AA",
        "logo.svg",
        "/img/logo.png",
        "./a#b",
    ] {
        assert!(SafeUrl::new(good).is_some(), "{good}");
    }
    let evil = SafeUrl::new("https://x.example/\"><x-injected>").unwrap();
    let o = Html::build(|o| crate::markup::html::html!(o; r#"<a href=""# (url = evil) r#"">x</a>"#));
    assert!(!o.contains("<x-injected") && o.contains("&quot;&gt;&lt;x-injected&gt;"), "{o}");
}

#[test]
fn every_data_action_any_screen_writes_parses() {
    let mut found = HashSet::new();
    for html in every_screen() {
        for part in html.split("data-action=\"").skip(1) {
            let name = part.split('"').next().unwrap();
            let action = Action::parse(name).unwrap_or_else(|| panic!("unknown data-action `{name}`"));
            found.insert(action);
        }
    }
    // The screens use every action there is: none is dead.
    for a in Action::all() {
        assert!(found.contains(&a), "{a:?} is never written by any screen");
    }
}

/// A screen only carries buttons that the module drawing it, or the app around it, answers: a
/// team button on a report (or the reverse) would be a click nobody handles.
#[test]
fn each_screen_carries_only_buttons_its_module_or_the_app_answers() {
    let settings_around = crate::config::Surroundings::default();
    let keys = [crate::seal::HeldKey {
        label: "Contoso <Ltd>".into(),
        secret: crate::seal::SecretRoundKey::from_random([4; 32]),
    }];
    let settings = crate::config::TeamSettings {
        threshold: 5,
        around: &settings_around,
        today: DAY,
        keys: &keys,
        current: Some(0),
        kiosk_idle: 90,
    };
    let link = crate::share::encode_full(&sample::healthy(Role::Msp)).unwrap();
    let links = sample::team_links_text(20);
    let actions = |html: &str| -> Vec<Action> {
        html.split("data-action=\"").skip(1).filter_map(|p| Action::parse(p.split('"').next()?)).collect()
    };
    for locale in Locale::ALL {
        for shared in [false, true] {
            let html =
                crate::results::report(locale, &format!("r={link}"), shared, DAY, &settings_around, None).unwrap();
            for a in actions(&html) {
                assert!(matches!(a, Action::Results(_) | Action::App(_)), "{a:?} on a report");
            }
        }
        let setup = Html::build(|o| crate::markup::setup::screen(o, locale, &crate::config::Config::default()));
        for a in actions(setup.as_str()) {
            assert!(matches!(a, Action::Setup(_)), "{a:?} on the setup screen");
        }
        for html in kiosk_screens(locale, &format!("r={link}"), &settings_around) {
            for a in actions(&html) {
                assert!(matches!(a, Action::Results(_) | Action::App(_)), "{a:?} on a kiosk screen");
            }
        }
        let team = crate::team::screen(locale, &links, "", &settings, true);
        let summary = crate::team::tests::summary_payload(&team);
        let summary = crate::team::summary(locale, &format!("t={summary}")).unwrap();
        for a in actions(&team).into_iter().chain(actions(&summary)) {
            assert!(matches!(a, Action::Team(_) | Action::App(_)), "{a:?} on the team view");
        }
    }
}

/// No text from outside (configuration, pasted links, the locale files) ever becomes markup: with
/// every one of them set to an attribute break-out plus a tag, no screen contains the tag.
#[test]
fn hostile_text_is_never_markup() {
    let evil = "\"'><x-injected onclick=\"alert(1)\">&amp;</x-injected>";
    let pasted = format!("\nhttps://x.example/#r={evil}\n{evil}://\n#t={evil}\n");
    let inputs =
        Inputs { name: evil, share_base: &format!("https://x.example/{evil}"), cta: (evil, evil), pasted: &pasted };
    let check = |screens: Vec<String>, what: &str| {
        for html in screens {
            assert!(!html.contains("<x-injected"), "{what}: markup injected in {html}");
            assert!(!html.contains("\"'>"), "{what}: attribute broken out in {html}");
        }
    };
    check(every_screen_with(&inputs), "configuration and pasted links");
    crate::i18n::HOSTILE.with(|h| h.set(true));
    let screens = every_screen_with(&inputs);
    crate::i18n::HOSTILE.with(|h| h.set(false));
    // The hostile text really was used (escaped) everywhere.
    assert!(screens.iter().all(|h| h.contains("x-injected")), "a screen shows no locale text");
    check(screens, "locale strings");
}

/// The results module's answer crosses to the app as a number: every answer reads back as
/// itself, and a number from another release is not mistaken for one.
#[test]
fn what_the_results_module_did_reads_back() {
    for shown in Shown::ALL {
        assert_eq!(Shown::from_code(shown.code()), Some(shown));
    }
    assert_eq!(Shown::from_code(Shown::ALL.len() as u32), None);
    assert_eq!(Shown::from_code(u32::MAX), None);
}

/// Real plurals everywhere: no screen in any language writes "link(s)" or "enlace(s)".
#[test]
fn no_screen_writes_a_plural_in_brackets() {
    for html in every_screen() {
        for bracket in ["(s)", "(es)", "(S)"] {
            assert!(
                !html.contains(bracket),
                "`{bracket}` in {}",
                &html[html.find(bracket).unwrap().saturating_sub(80)..][..120]
            );
        }
    }
}
