//! What the app asks an on-demand module to show: one type, written once by the app
//! ([`Request::encode`]) and read once by the module ([`Request::decode`]).
//!
//! The app and each module are separate WebAssembly instances with their own copy of the core,
//! so a request crosses between them as text: one field per line, in a fixed order, after a
//! header line that names the format. A module from another release (a stale cache) cannot read
//! a request of a different format, and says so rather than draw the wrong screen.

use crate::config::Surroundings;
use crate::i18n::Locale;
use crate::markup::html::SafeUrl;
use crate::ui::View;

/// The first line of an encoded request.
pub const HEADER: &str = "overlap-request 3";

/// A screen for a module to draw, and what it needs to draw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub view: View,
    pub locale: Locale,
    /// What the screen shows: a result link's `r=...` for the own and shared results, a team
    /// link's `t=...`, nothing for the team view.
    pub fragment: String,
    /// True the first time the app shows the screen (the team boxes start empty), false when it
    /// draws it again (a change of language keeps what the boxes hold).
    pub fresh: bool,
    /// What the deploy-time configuration adds around the figures.
    pub around: Surroundings,
    /// The team view's anonymity threshold.
    pub threshold: usize,
    /// The round key (public half, base64url) results are sealed to when sent, if one is known.
    pub round_key: Option<String>,
    /// Set when the app runs as a kiosk (`#kiosk`): counts the people who have used the device
    /// since the page loaded. A report drawn again for the same turn (a change of language,
    /// changed answers) replaces that person's sealed result in the collection rather than adding
    /// a second one.
    pub kiosk_turn: Option<u32>,
    /// Kiosk mode's seconds without input before the countdown (the deployment's
    /// `kiosk_idle_seconds`; the team view offers it when starting a kiosk).
    pub idle: u16,
}

/// A field on its line: backslashes, line breaks and carriage returns escaped.
fn escape(out: &mut String, field: &str) {
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('\n');
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

impl Request {
    /// The request as text (see the module docs).
    pub fn encode(&self) -> String {
        let mut out = String::from(HEADER);
        out.push('\n');
        let a = &self.around;
        let (cta_text, cta_url) = a.cta.as_ref().map_or(("", ""), |(t, u)| (t.as_str(), u.as_str()));
        let threshold = crate::markup::html::uint_string(self.threshold as u64);
        let number = crate::markup::html::uint_string;
        let turn = self.kiosk_turn.map(|t| number(t.into())).unwrap_or_default();
        let idle = number(self.idle.into());
        for field in [
            self.view.as_str(),
            self.locale.code(),
            if self.fresh { "1" } else { "0" },
            &threshold,
            &self.fragment,
            a.share_base.as_str(),
            cta_text,
            cta_url,
            a.facilitator_email.as_deref().unwrap_or(""),
            a.brand.as_deref().unwrap_or(""),
            a.logo.as_ref().map_or("", |l| l.as_str()),
            self.round_key.as_deref().unwrap_or(""),
            &turn,
            &idle,
        ] {
            escape(&mut out, field);
        }
        out
    }

    /// Reads a request; `None` for text of another format or release. Addresses are checked
    /// again ([`SafeUrl`]): this module trusts nothing it is given.
    pub fn decode(text: &str) -> Option<Request> {
        let mut lines = text.split('\n');
        if lines.next()? != HEADER {
            return None;
        }
        let mut field = || lines.next().map(unescape);
        let view = View::parse(&field()?)?;
        let locale = Locale::from_tag(&field()?).unwrap_or_default();
        let fresh = field()? == "1";
        let threshold = field()?.parse().ok()?;
        let fragment = field()?;
        let share_base = SafeUrl::new(&field()?).unwrap_or_default();
        let (cta_text, cta_url) = (field()?, field()?);
        let some = |s: String| (!s.is_empty()).then_some(s);
        let (email, brand, logo) = (some(field()?), some(field()?), some(field()?));
        let round_key = some(field()?).and_then(|k| crate::config::round_key(&k));
        let kiosk_turn = field()?.parse().ok();
        let idle = crate::config::idle_seconds_text(&field()?)?;
        let cta = SafeUrl::new(&cta_url).filter(|_| !cta_url.is_empty()).map(|u| (cta_text, u));
        let around = Surroundings {
            share_base,
            cta,
            facilitator_email: email,
            brand,
            logo: logo.and_then(|l| SafeUrl::new(&l)),
        };
        Some(Request { view, locale, fragment, fresh, around, threshold, round_key, kiosk_turn, idle })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the configuration holds, a request reads back as itself.
        #[test]
        fn a_request_reads_back_as_itself(
            view in 0usize..5,
            turn in proptest::option::of(any::<u32>()),
            idle in any::<u16>(),
            fresh in any::<bool>(),
            threshold in 3usize..51,
            fragment in "[A-Za-z0-9=_-]{0,40}",
            text in "(?s).{0,40}",
            email in proptest::option::of("[a-z]{1,8}@[a-z]{1,8}\\.example"),
        ) {
            let around = Surroundings {
                share_base: SafeUrl::new("https://x.example/a/").unwrap(),
                cta: Some((text.clone(), SafeUrl::new("https://c.example/?a=1&b=2").unwrap())),
                facilitator_email: email,
                brand: Some(text.clone()).filter(|t| !t.is_empty()),
                logo: SafeUrl::new("logo.svg"),
            };
            let round_key = Some(crate::wire::encode(&[5u8; 32]));
            let idle = 30 + idle % 571;
            let request = Request { view: View::ALL[view], locale: Locale::Es, fragment, fresh, around, threshold, round_key, kiosk_turn: turn, idle };
            prop_assert_eq!(Request::decode(&request.encode()), Some(request));
        }
    }

    #[test]
    fn another_format_is_refused() {
        assert_eq!(Request::decode(""), None);
        assert_eq!(Request::decode("overlap-request 1\nown\nen\n0\n5\n\n\n\n\n\n\n\n"), None, "an older release's");
        assert_eq!(Request::decode("overlap-request 2\nreport\nen\n0\n5\n\n\n\n\n\n\n\n\n"), None);
        assert_eq!(Request::decode("overlap-request 3\nown\nen\n0\n5"), None, "cut short");
        let before_kiosk = "overlap-request 2\nown\nen\n0\n5\n\n\n\n\n\n\n\n\n";
        assert_eq!(Request::decode(before_kiosk), None, "the release before kiosk mode's");
    }
}
