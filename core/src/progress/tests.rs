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
        for screen in [
            Screen::Welcome,
            Screen::Role,
            Screen::Section(3, 0),
            Screen::Section(6, 1),
            Screen::Review,
            Screen::Results,
        ] {
            let p = Progress { response: sample::healthy(role), screen, locale: Some(Locale::Es), round_key: None };
            let text = p.to_text().unwrap();
            assert!(text.starts_with(&format!("v{}|{}|es|", i.version, screen.id(i))), "{text}");
            assert_eq!(Progress::from_text(&text), Some(p));
        }
    }
    let p =
        Progress { response: sample::dont_know(Role::Other), screen: Screen::Welcome, locale: None, round_key: None };
    assert_eq!(Progress::from_text(&p.to_text().unwrap()), Some(p));
}

/// The invitation's round key is saved with the answers and read back; a key that does not
/// read is dropped, never a reason to lose the answers.
#[test]
fn the_round_key_is_kept_with_the_answers() {
    let key = crate::wire::encode(&[7u8; 32]);
    let p = Progress {
        response: sample::healthy(Role::InternalIt),
        screen: Screen::Review,
        locale: None,
        round_key: Some(key.clone()),
    };
    let text = p.to_text().unwrap();
    assert!(text.ends_with(&format!("|k={key}")), "{text}");
    assert_eq!(Progress::from_text(&text), Some(p.clone()));
    let damaged = text.replace(&key, "not-a-key");
    assert_eq!(Progress::from_text(&damaged), Some(Progress { round_key: None, ..p }));
}

#[test]
fn the_first_release_s_numbered_screens_still_resume() {
    // Saved by the first release: version 1, the review screen as position 12, Spanish.
    let v1 = Instrument::by_version(1).unwrap();
    let p = Progress {
        response: crate::response::Response::new(v1, Some(Role::Msp)),
        screen: Screen::Review,
        locale: None,
        round_key: None,
    };
    let payload = p.to_text().unwrap().rsplit('|').next().unwrap().to_string();
    let old = format!("v1|12|es|{payload}");
    let read = Progress::from_text(&old).unwrap();
    assert_eq!(read.screen, Screen::Review);
    assert_eq!(read.locale, Some(Locale::Es));
    assert_eq!(Progress::from_text(&format!("v1|4|en|{payload}")).unwrap().screen, Screen::Section(2, 0));
}

#[test]
fn anything_else_is_refused() {
    let good =
        Progress { response: sample::healthy(Role::Leadership), screen: Screen::Review, locale: None, round_key: None };
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

mod migration {
    use crate::instrument::{Instrument, Role};
    use crate::progress::migrate;
    use crate::response::Answer;
    use crate::sample;

    fn v1() -> &'static Instrument {
        Instrument::by_version(1).unwrap()
    }

    fn v2() -> &'static Instrument {
        Instrument::by_version(2).unwrap()
    }

    #[test]
    fn answers_whose_question_kept_its_meaning_are_carried() {
        let mut old = sample::healthy_in(v1(), Role::InternalIt);
        old.set_named("ctx_months", Answer::Choice(0)); // Less than 2 months: the same band in v2.
        old.set_named("tr_cycle", Answer::Choice(1)); // No notable mistakes: now "not applicable".
        old.set_named("tp_job", Answer::Likert(4));
        old.set_named("own_matrix.backup", Answer::Owner(crate::Owner::Nobody));
        let m = migrate(&old, v2());
        let r = &m.response;
        assert_eq!((r.instrument_version, r.role), (2, Some(Role::InternalIt)));
        assert_eq!(r.get_named("tp_job"), Some(Answer::Likert(4)), "same id, same question");
        assert_eq!(r.get_named("ctx_months2"), Some(Answer::Choice(0)));
        let na = crate::instrument::Instrument::by_version(2).unwrap().item("tr_after_mistake").unwrap();
        let crate::ItemKind::Choice { options, .. } = na.kind else { unreachable!() };
        assert_eq!(
            r.get_named("tr_after_mistake"),
            Some(Answer::Choice(options.iter().position(|o| *o == "na").unwrap() as u8))
        );
        assert_eq!(r.get_named("ow_matrix.backup"), Some(Answer::Owner(crate::Owner::Nobody)), "areas by name");
        assert_eq!(r.get_named("tr_depth"), old.get_named("tr_remark"), "reworded, same meaning");
        // Nothing that changed meaning: v1's "2 to 6 months" overlapped v2's bands.
        let mut overlap = old.clone();
        overlap.set_named("ctx_months", Answer::Choice(1));
        assert_eq!(migrate(&overlap, v2()).response.get_named("ctx_months2"), None);
        // The counts add up: every old answer is carried or counted as not carried.
        assert_eq!(m.kept + m.not_carried, old.len());
        assert_eq!(m.kept, r.len());
        assert_eq!(m.to_answer, r.unanswered(v2()).len());
        assert!(m.kept >= 20 && m.to_answer >= 10, "{m:?}");
        // Every carried answer is valid in v2 and scores without problems.
        assert!(crate::score(v2(), r).problems.is_empty());
    }

    #[test]
    fn every_role_and_any_old_response_migrates_cleanly() {
        let mut rng = sample::Rng::new(5);
        for _ in 0..200 {
            let role = Role::ALL[rng.below(4) as usize];
            let old = sample::random_in(v1(), &mut rng, role);
            let m = migrate(&old, v2());
            assert!(crate::score(v2(), &m.response).problems.is_empty(), "{role:?}");
            assert_eq!(m.kept + m.not_carried, old.len());
        }
    }
}
