//! Prints 20 share links for the team view's end-to-end test: 7 internal IT (worried), 6 MSP,
//! 5 leadership (confident), 2 other staff. The output is committed as
//! `tests/e2e/fixtures/team-links.txt`; old links stay valid, so it never needs regenerating.
//!
//! `cargo run -p overlap-core --example team_links > tests/e2e/fixtures/team-links.txt`
//! With a count (`-- 1000`), prints that many random links for every role (the benchmark's input);
//! with `-- one-it`, the one-person internal IT team of `tests/e2e/fixtures/team-one-it.txt`;
//! with `-- anonymity`, `tests/e2e/fixtures/team-anonymity.json`: the anonymity issue's two teams
//! (five leaders who answer everything, six MSP staff and six other staff; and six of every
//! other role) and three links of one internal IT person who answers every first option, every
//! last option, or Don't know throughout.

use overlap_core::instrument::Role;
use overlap_core::response::Answer;
use overlap_core::sample::{self, Rng};
use overlap_core::share::encode_full;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("anonymity") {
        let link = |r: &overlap_core::Response| {
            format!("http://127.0.0.1:4173/#r={}", encode_full(r).expect("current version"))
        };
        let list = |v: Vec<String>| v.iter().map(|l| format!("\"{l}\"")).collect::<Vec<_>>().join(", ");
        let mut rng = Rng::new(29);
        let team = |rng: &mut Rng, leaders: usize| {
            let mut v: Vec<String> = (0..leaders).map(|_| link(&sample::complete(rng, Role::Leadership))).collect();
            for role in [Role::Msp, Role::Other] {
                v.extend((0..6).map(|_| link(&sample::random(rng, role))));
            }
            v
        };
        let (five, six) = (team(&mut rng, 5), team(&mut rng, 6));
        println!("{{");
        println!("  \"five_leaders\": [{}],", list(five));
        println!("  \"six_leaders\": [{}],", list(six));
        println!("  \"it_first\": \"{}\",", link(&sample::extreme(Role::InternalIt, false)));
        println!("  \"it_last\": \"{}\",", link(&sample::extreme(Role::InternalIt, true)));
        println!("  \"it_dont_know\": \"{}\"", link(&sample::dont_know(Role::InternalIt)));
        println!("}}");
        return;
    }
    // The realistic team, for the anonymity end-to-end test: one internal IT person who
    // fears for their job, six each of MSP staff, other staff and leadership.
    if std::env::args().nth(1).as_deref() == Some("one-it") {
        let mut rng = Rng::new(31);
        let mut it = sample::healthy(Role::InternalIt);
        it.set_named("tp_job", Answer::Likert(5));
        println!("http://127.0.0.1:4173/#r={}", encode_full(&it).expect("current version"));
        for role in [Role::Msp, Role::Other, Role::Leadership] {
            for _ in 0..6 {
                println!(
                    "http://127.0.0.1:4173/#r={}",
                    encode_full(&sample::random(&mut rng, role)).expect("current version")
                );
            }
        }
        return;
    }
    if let Some(n) = std::env::args().nth(1).and_then(|a| a.parse::<usize>().ok()) {
        let mut rng = Rng::new(1000);
        for _ in 0..n {
            println!(
                "http://127.0.0.1:4173/#r={}",
                encode_full(&sample::random_any(&mut rng)).expect("current version")
            );
        }
        return;
    }
    let mut rng = Rng::new(20);
    let plan = [(Role::InternalIt, 7, -1i8), (Role::Msp, 6, 0), (Role::Leadership, 5, 1), (Role::Other, 2, 0)];
    for (role, n, lean) in plan {
        for _ in 0..n {
            let mut r = sample::random(&mut rng, role);
            // Lean Likert answers towards the role's mood so the groups differ visibly.
            for (slot, a) in r.clone().answered() {
                if let Answer::Likert(v) = a {
                    r.set(slot, Answer::Likert((v as i8 + lean).clamp(1, 5) as u8));
                }
            }
            println!("http://127.0.0.1:4173/#r={}", encode_full(&r).expect("current version"));
        }
    }
}
