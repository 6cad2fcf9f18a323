//! Saved progress: round trips, the first release's numbered screens, and refusal of anything
//! that is not progress this build can read.

use crate::flow::Screen;
use crate::i18n::Locale;
use crate::instrument::{Instrument, Role};
use crate::progress::{key, Progress};
use crate::sample;

#[test]
fn progress_round_trips_with_its_screen_name() {
    let i = Instrument::current();
    for role in Role::ALL {
        for screen in [Screen::Welcome, Screen::Role, Screen::Section(3), Screen::Review, Screen::Results] {
            let p = Progress { response: sample::healthy(role), screen, locale: Some(Locale::Es) };
            let text = p.to_text().unwrap();
            assert!(text.starts_with(&format!("v{}|{}|es|", i.version, screen.id(i))), "{text}");
            assert_eq!(Progress::from_text(&text), Some(p));
        }
    }
    let p = Progress { response: sample::dont_know(Role::Other), screen: Screen::Welcome, locale: None };
    assert_eq!(Progress::from_text(&p.to_text().unwrap()), Some(p));
}

#[test]
fn the_first_release_s_numbered_screens_still_resume() {
    // Saved by the first release: version 1, the review screen as position 12, Spanish.
    let v1 = Instrument::by_version(1).unwrap();
    let p = Progress {
        response: crate::response::Response::new(v1, Some(Role::Msp)),
        screen: Screen::Review,
        locale: None,
    };
    let payload = p.to_text().unwrap().rsplit('|').next().unwrap().to_string();
    let old = format!("v1|12|es|{payload}");
    let read = Progress::from_text(&old).unwrap();
    assert_eq!(read.screen, Screen::Review);
    assert_eq!(read.locale, Some(Locale::Es));
    assert_eq!(Progress::from_text(&format!("v1|4|en|{payload}")).unwrap().screen, Screen::Section(2));
}

#[test]
fn anything_else_is_refused() {
    let good = Progress { response: sample::healthy(Role::Leadership), screen: Screen::Review, locale: None };
    let text = good.to_text().unwrap();
    let payload = text.rsplit('|').next().unwrap();
    for bad in [
        String::new(),
        "garbage".to_string(),
        format!("v9|review||{payload}"),
        format!("v{}|section:nonexistent||{payload}", good.response.instrument_version),
        format!("v{}|review||{}", good.response.instrument_version, &payload[..payload.len() - 3]),
        format!("x1|review||{payload}"),
        text.replace('|', ";"),
    ] {
        assert_eq!(Progress::from_text(&bad), None, "{bad}");
    }
}

#[test]
fn keys_name_the_version() {
    assert_eq!(key(1), "overlap:progress:v1");
}
