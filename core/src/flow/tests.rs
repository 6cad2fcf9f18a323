//! Flow tests: the order of screens for every role, Back and Next as inverses, progress
//! numbering, resolving saved screens, stable names, and the role-change rule.

use crate::flow::{change_role, pages, weight, Flow, Screen, PAGE_BUDGET};
use crate::instrument::{Instrument, Role};
use crate::response::Answer;
use crate::sample;

/// Every screen a role walks through with Next, from the welcome screen to the results.
fn walk(flow: &Flow) -> Vec<Screen> {
    let mut screens = vec![Screen::Welcome];
    while *screens.last().unwrap() != Screen::Results {
        let next = flow.next(*screens.last().unwrap());
        assert!(screens.len() < 40, "Next never reaches the results");
        screens.push(next);
    }
    screens
}

#[test]
fn next_walks_welcome_role_each_section_once_review_results() {
    let i = Instrument::current();
    for role in Role::ALL {
        let flow = Flow::new(i, Some(role));
        let screens = walk(&flow);
        let sections = flow.sections();
        assert!(!sections.is_empty());
        let mut expected = vec![Screen::Welcome, Screen::Role];
        for s in &sections {
            expected.extend((0..pages(i, *s, role).len()).map(|p| Screen::Section(*s, p)));
        }
        expected.extend([Screen::Review, Screen::Results]);
        assert_eq!(screens, expected, "{role:?}");
        // Every section listed has something for the role, and none is left out.
        for (s, _) in i.sections.iter().enumerate() {
            assert_eq!(sections.contains(&s), i.section_items(s, role).next().is_some());
        }
    }
}

#[test]
fn back_undoes_next_on_every_screen_after_the_welcome() {
    let i = Instrument::current();
    for role in Role::ALL {
        let flow = Flow::new(i, Some(role));
        let screens = walk(&flow);
        for pair in screens.windows(2) {
            assert_eq!(flow.previous(pair[1]), pair[0], "{role:?}: back from {:?}", pair[1]);
        }
        assert_eq!(flow.previous(Screen::Welcome), Screen::Welcome);
    }
}

#[test]
fn without_a_role_next_stays_on_the_role_question() {
    let flow = Flow::new(Instrument::current(), None);
    assert_eq!(flow.next(Screen::Welcome), Screen::Role);
    assert_eq!(flow.next(Screen::Role), Screen::Role);
    assert!(flow.sections().is_empty());
    assert_eq!(flow.resolve(Screen::Section(3, 0)), Screen::Role);
    assert_eq!(flow.resolve(Screen::Review), Screen::Role);
}

#[test]
fn progress_counts_the_role_s_pages_from_one() {
    let i = Instrument::current();
    for role in Role::ALL {
        let flow = Flow::new(i, Some(role));
        let screens = flow.screens();
        for (n, s) in screens.iter().enumerate() {
            assert_eq!(flow.progress(*s), Some((n + 1, screens.len())));
        }
        assert_eq!(flow.progress(Screen::Review), Some((screens.len(), screens.len())));
        assert_eq!(flow.progress(Screen::Welcome), None);
    }
}

/// Every page fits its budget (or holds one item too large for any page), every item of a
/// section is on exactly one of its pages, in order, and a section over the budget is split.
#[test]
fn pages_hold_every_item_once_within_the_budget() {
    let i = Instrument::current();
    for role in Role::ALL {
        for s in 0..i.sections.len() {
            let split = pages(i, s, role);
            let flat: Vec<&str> = split.iter().flatten().map(|item| item.id).collect();
            let all: Vec<&str> = i.section_items(s, role).map(|item| item.id).collect();
            assert_eq!(flat, all, "{role:?} section {s}");
            for page in &split {
                let w: u32 = page.iter().map(|item| weight(item)).sum();
                assert!(w <= PAGE_BUDGET || page.len() == 1, "{role:?} section {s}: {w}");
            }
        }
        let own = i.sections.iter().position(|s| s.id == "ownership").unwrap();
        let total: u32 = i.section_items(own, role).map(weight).sum();
        if total > PAGE_BUDGET {
            assert!(pages(i, own, role).len() >= 2, "{role:?}: the ownership section needs more than a page");
        }
    }
}

#[test]
fn screens_keep_their_names() {
    let i = Instrument::current();
    for s in [Screen::Welcome, Screen::Role, Screen::Review, Screen::Results]
        .into_iter()
        .chain((0..i.sections.len()).flat_map(|s| [Screen::Section(s, 0), Screen::Section(s, 1)]))
    {
        assert_eq!(Screen::parse(&s.id(i), i), Some(s), "{s:?}");
    }
    // The first page keeps the name sections had before there were pages, so saved progress
    // from then resumes on it.
    assert_eq!(Screen::Section(0, 0).id(i), format!("section:{}", i.sections[0].id));
    assert_eq!(Screen::Section(0, 1).id(i), format!("section:{}:2", i.sections[0].id));
    assert_eq!(Screen::parse(&format!("section:{}:0", i.sections[0].id), i), None);
    assert_eq!(Screen::parse("section:nonexistent", i), None);
    assert_eq!(Screen::parse("", i), None);
    assert_eq!(Screen::parse("3", i), None);
}

#[test]
fn legacy_positions_read_as_the_screens_they_were() {
    let i = Instrument::by_version(1).unwrap();
    let n = i.sections.len();
    assert_eq!(Screen::from_legacy_step(0, i), Screen::Welcome);
    assert_eq!(Screen::from_legacy_step(1, i), Screen::Role);
    assert_eq!(Screen::from_legacy_step(2, i), Screen::Section(0, 0));
    assert_eq!(Screen::from_legacy_step(1 + n, i), Screen::Section(n - 1, 0));
    assert_eq!(Screen::from_legacy_step(2 + n, i), Screen::Review);
    assert_eq!(Screen::from_legacy_step(3 + n, i), Screen::Results);
    assert_eq!(Screen::from_legacy_step(999, i), Screen::Results);
}

#[test]
fn a_section_the_role_does_not_see_resolves_to_the_next_one_it_does() {
    let i = Instrument::current();
    for role in Role::ALL {
        let flow = Flow::new(i, Some(role));
        let sections = flow.sections();
        for s in 0..i.sections.len() {
            let resolved = flow.resolve(Screen::Section(s, 0));
            if sections.contains(&s) {
                assert_eq!(resolved, Screen::Section(s, 0));
                // A page past the section's last resumes on its first.
                assert_eq!(flow.resolve(Screen::Section(s, 99)), Screen::Section(s, 0));
            } else {
                let next = sections.iter().find(|x| **x > s).map_or(Screen::Review, |x| Screen::Section(*x, 0));
                assert_eq!(resolved, next);
            }
        }
    }
}

#[test]
fn changing_role_drops_only_answers_the_new_role_is_not_shown() {
    let i = Instrument::current();
    for from in Role::ALL {
        for to in Role::ALL {
            let mut r = sample::healthy(from);
            let before = r.len();
            let dropped = change_role(i, &mut r, to);
            assert_eq!(r.role, Some(to));
            assert_eq!(before - dropped, r.len());
            for (slot, _) in r.answered() {
                assert!(i.slot_item(slot).unwrap().0.roles.contains(to), "{slot:?} kept for {to:?}");
            }
            // Everything both roles see survives.
            for item in i.items_for(from).filter(|it| it.roles.contains(to)) {
                for k in item.slots() {
                    assert!(r.get(k).is_some(), "{k:?} lost moving {from:?} -> {to:?}");
                }
            }
            if from == to {
                assert_eq!(dropped, 0);
            }
        }
    }
    // The same role again changes nothing, even with answers to other roles' items.
    let mut r = sample::healthy(Role::Msp);
    r.set_named("tp_job", Answer::Likert(3));
    assert_eq!(change_role(i, &mut r, Role::Msp), 0);
}
