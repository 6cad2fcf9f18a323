//! Kiosk mode's rules, for one device passed around a workshop room: what a kiosk session keeps
//! on the device (the round's public key, a PIN's hash, the idle time), the collection of sealed
//! results in an order that says nothing about who came when, and when the idle countdown shows
//! and ends.
//!
//! The device never holds a person's answers: they live in the page's memory while the person
//! answers, and leave it only sealed to the round's key (`crate::seal`). So the collection takes
//! sealed links only, and reading one back drops anything else, and nothing here records a time.
//! The browser side (`results/src/kiosk.rs`) stores these texts and runs the timer.

use crate::seal::{self, hex, HeldKey, RoundKey};

pub use crate::config::{idle_seconds_text, IDLE_DEFAULT, IDLE_MAX, IDLE_MIN};
/// How long the "Still there?" countdown runs before the answers are dropped.
pub const COUNTDOWN: u16 = 30;
/// A PIN is 4 to 8 digits: short enough to type on a tablet, and it only guards ending the
/// session (the collection is sealed; the PIN protects it from being cleared, not read).
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

/// Where a browser keeps a kiosk session's settings and its collection (localStorage): the team
/// view writes the settings when it starts a kiosk, the results module reads them and keeps the
/// collection.
pub const SETTINGS_STORE: &str = "overlap:kiosk";
pub const COLLECTION_STORE: &str = "overlap:kiosk-results";

/// The first line of the stored settings.
const SETTINGS_HEADER: &str = "overlap-kiosk 1";

/// Where the idle timer stands after some seconds without input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idle {
    /// Nothing to show.
    Quiet,
    /// "Still there?": the countdown, with the seconds left.
    Countdown(u16),
    /// Time is up: drop the person's answers and show the welcome.
    Reset,
}

/// The timer's state `since_input` whole seconds after the last input, with an idle time of
/// `limit` seconds.
pub fn idle(limit: u16, since_input: u32) -> Idle {
    let limit = u32::from(limit);
    if since_input < limit {
        Idle::Quiet
    } else if since_input < limit + u32::from(COUNTDOWN) {
        Idle::Countdown((limit + u32::from(COUNTDOWN) - since_input) as u16)
    } else {
        Idle::Reset
    }
}

/// Whether `pin` is a PIN a kiosk accepts: 4 to 8 ASCII digits.
pub fn pin_ok(pin: &str) -> bool {
    PIN_DIGITS.contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// What a kiosk session keeps on the device between reloads: nothing of any person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The round's public key: results are sealed to it.
    pub key: RoundKey,
    /// The PIN that ends the session, as a salted hash; `None` when the session was started from
    /// the deployment's `facilitator_key` (then the round's key file ends it).
    pub pin: Option<PinHash>,
    /// Seconds without input before the countdown.
    pub idle: u16,
}

/// A PIN's salted BLAKE2b hash, so the PIN itself is not left readable on the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PinHash {
    pub salt: [u8; 16],
    pub hash: [u8; 32],
}

impl PinHash {
    pub fn new(pin: &str, salt: [u8; 16]) -> PinHash {
        PinHash { salt, hash: pin_hash(pin, &salt) }
    }

    pub fn matches(&self, pin: &str) -> bool {
        pin_hash(pin.trim(), &self.salt) == self.hash
    }
}

fn pin_hash(pin: &str, salt: &[u8; 16]) -> [u8; 32] {
    use blake2::{Blake2b512, Digest};
    let digest = Blake2b512::new().chain_update(b"overlap-kiosk-pin").chain_update(salt).chain_update(pin).finalize();
    let mut out = [0u8; 32];
    out.copy_from_slice(&digest[..32]);
    out
}

impl Settings {
    /// The settings as stored: a header and one field per line.
    pub fn to_text(&self) -> String {
        let pin = self.pin.as_ref().map(|p| [hex(&p.salt), ".".into(), hex(&p.hash)].concat()).unwrap_or_default();
        let idle = crate::markup::html::uint_string(u64::from(self.idle));
        [SETTINGS_HEADER, "\nkey: ", &self.key.to_text(), "\npin: ", &pin, "\nidle: ", &idle, "\n"].concat()
    }

    /// Reads stored settings; `None` for anything that is not whole and valid (the kiosk then
    /// says it is not set up, rather than guess).
    pub fn parse(text: &str) -> Option<Settings> {
        let mut lines = text.lines();
        if lines.next()? != SETTINGS_HEADER {
            return None;
        }
        let mut field = |name: &str| lines.next()?.strip_prefix(name).map(str::trim);
        let key = RoundKey::parse(field("key:")?).ok()?;
        let pin = match field("pin:")? {
            "" => None,
            p => {
                let (salt, hash) = p.split_once('.')?;
                Some(PinHash { salt: unhex(salt)?, hash: unhex(hash)? })
            }
        };
        let idle = idle_seconds_text(field("idle:")?)?;
        Some(Settings { key, pin, idle })
    }

    /// Whether `entered` ends the session: the PIN, or the round's secret key (a key file's text
    /// or the pasted secret), checked against the public key the results were sealed to.
    pub fn unlocks(&self, entered: &str) -> bool {
        let entered = entered.trim();
        if self.pin.as_ref().is_some_and(|p| p.matches(entered)) {
            return true;
        }
        HeldKey::parse_all(entered).is_ok_and(|keys| keys.iter().any(|k| k.secret.public() == self.key))
    }
}

/// The sealed results collected on the device, in an order that says nothing about arrival.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collection {
    links: Vec<String>,
}

/// A text that is not a sealed link was offered to the collection: refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotSealed;

impl Collection {
    /// Reads a stored collection, one sealed fragment (`s=...`) per line. Anything else (a plain
    /// link, a damaged line) is dropped: the collection never holds a readable result.
    pub fn parse(text: &str) -> Collection {
        Collection { links: text.lines().map(str::trim).filter(|l| sealed(l)).map(str::to_string).collect() }
    }

    /// The collection as stored.
    pub fn to_text(&self) -> String {
        self.links.iter().flat_map(|l| [l.as_str(), "\n"]).collect()
    }

    /// Adds a sealed fragment at a position chosen by `random` (uniform over the `len() + 1`
    /// places, from a secure random source). Inserting each arrival at a uniformly random place
    /// leaves every order of the collection equally likely, whatever the order people came in.
    pub fn insert(&mut self, link: &str, random: u32) -> Result<(), NotSealed> {
        if !sealed(link) {
            return Err(NotSealed);
        }
        let places = self.links.len() as u64 + 1;
        // Multiply-shift rather than `%`: no bias worth naming for the few dozen people of a room.
        let at = ((u64::from(random) * places) >> 32) as usize;
        self.links.insert(at, link.to_string());
        Ok(())
    }

    /// Takes out one sealed fragment (a person who changed their answers is sealed again).
    pub fn remove(&mut self, link: &str) {
        if let Some(i) = self.links.iter().position(|l| l == link) {
            self.links.remove(i);
        }
    }

    pub fn len(&self) -> usize {
        self.links.len()
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    pub fn links(&self) -> &[String] {
        &self.links
    }
}

/// A sealed fragment with the shape of one (tag, then the box in the link alphabet).
fn sealed(text: &str) -> bool {
    let body = text.strip_prefix(seal::FRAGMENT_PREFIX).and_then(|p| p.split_once('.')).map(|(_, b)| b);
    seal::tag_of(text).is_some() && body.is_some_and(|b| !b.is_empty() && crate::share::in_link_alphabet(b))
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let bytes = text.as_bytes();
    if bytes.len() != 2 * N {
        return None;
    }
    let digit = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; N];
    for (i, pair) in bytes.chunks(2).enumerate() {
        out[i] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

#[cfg(test)]
mod tests;
