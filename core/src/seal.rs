//! Sealed links: a result link encrypted to one round's key, so only that round's facilitator
//! can read it on its way through mail and chat that others administer.
//!
//! A round key is an X25519 key pair made in the facilitator's browser. Its public half travels
//! in the invitation (`#k=<32 bytes, base64url>`); its secret half never appears in a link, a
//! code, an export or a printout. It is kept, unencrypted, in the facilitator's browser storage
//! and leaves it only as a key file they save (or as the 43 characters they paste elsewhere).
//! The box detects a changed or cut link but does not say who sealed it: anyone holding the
//! invitation can seal a result for the round. A sealed link is
//! `#s=<tag>.<base64url of crypto_box_seal(padded plain link bytes)>`: the standard libsodium
//! sealed box (X25519, XSalsa20-Poly1305; the `crypto_box` crate, nothing written by hand) of
//! the bytes a plain `#r=` link carries, after a length byte and padded with zeros to
//! [`PADDED_BYTES`], so every sealed link is the same length and any libsodium binding opens it
//! with the secret key.
//! The tag in front is the key's [`fingerprint`] in lower-case hex: it lets the team view tell a
//! link sealed for another round from a damaged one, and it is what the results screen and the
//! handout show (upper-case, in groups) for a careful person to compare.
//!
//! The core has no clock and no random source: the caller passes 32 random bytes per seal (the
//! browser's `crypto.getRandomValues`), so sealing is deterministic for a given input and the
//! tests can check it byte for byte.

use crate::share::{in_link_alphabet, payload_of};
use crate::wire;
use crypto_box::aead::rand_core::{CryptoRng, Error as RandError, RngCore};
use crypto_box::{PublicKey, SecretKey};

/// What follows `#` in a sealed link, before the tag.
pub const FRAGMENT_PREFIX: &str = "s=";
/// What follows `#` in an invitation that carries a round's public key.
pub const KEY_PREFIX: &str = crate::share::ROUND_KEY_PREFIX;
/// A key's length in bytes, and in base64url characters (no padding).
pub const KEY_BYTES: usize = 32;
pub const KEY_CHARS: usize = 43;
/// The fingerprint's length in bytes (12 hex digits): enough that making another key with the
/// same fingerprint takes 2^48 tries.
pub const FINGERPRINT_BYTES: usize = 6;
/// What is sealed is always this many bytes: a length byte, the plain link's bytes, then zeros.
/// A sealed box is as long as what it holds, and a plain link's length tells its role (a full
/// link from other staff is 19 characters, one from internal IT 35) and whether it carries every
/// answer or scores only; padded, every sealed link of every role and level is the same length,
/// so someone reading it in a mailbox learns nothing from its size. The longest plain link, a
/// scores-only one, is 48 bytes; 64 leaves room for a later instrument version.
pub const PADDED_BYTES: usize = 64;

/// A round's public key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoundKey(pub [u8; KEY_BYTES]);

/// A round's secret key; it opens what was sealed to [`SecretRoundKey::public`].
#[derive(Clone, PartialEq, Eq)]
pub struct SecretRoundKey(pub [u8; KEY_BYTES]);

impl std::fmt::Debug for SecretRoundKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A secret is never written out, not even in a debug message.
        f.write_str("SecretRoundKey(..)")
    }
}

/// Why a key or a sealed link could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealError {
    /// Not a key: the wrong length, or characters base64url does not use.
    NotAKey,
    /// Not a sealed link at all.
    NotSealed,
    /// Sealed for a key this view does not hold (another round).
    OtherRound,
    /// Sealed for a key it holds, but it does not open: changed or cut off on the way.
    Damaged,
}

impl RoundKey {
    /// A public key as base64url (43 characters), as the invitation and `overlap.json` carry it.
    pub fn parse(text: &str) -> Result<RoundKey, SealError> {
        key_bytes(text.trim()).map(RoundKey)
    }

    pub fn to_text(self) -> String {
        wire::encode(&self.0)
    }

    /// The key's fingerprint: the first six bytes of its BLAKE2b-512 hash.
    pub fn fingerprint(self) -> [u8; FINGERPRINT_BYTES] {
        use blake2::{Blake2b512, Digest};
        let hash = Blake2b512::digest(self.0);
        let mut out = [0u8; FINGERPRINT_BYTES];
        out.copy_from_slice(&hash[..FINGERPRINT_BYTES]);
        out
    }

    /// The fingerprint as a person compares it: upper-case hex in groups of four ("1A2B-3C4D-5E6F").
    pub fn fingerprint_text(self) -> String {
        // ASCII only: `str::to_uppercase` would bring Unicode's case tables (about 28 KB) into
        // the team module for twelve hex digits.
        let mut hex = hex(&self.fingerprint());
        hex.make_ascii_uppercase();
        hex.as_bytes().chunks(4).filter_map(|c| std::str::from_utf8(c).ok()).collect::<Vec<_>>().join("-")
    }

    /// The tag in front of a link sealed to this key.
    fn tag(self) -> String {
        hex(&self.fingerprint())
    }

    /// Seals the bytes of a plain link (`r=...`) to this key: the sealed link's fragment
    /// (`s=...`), or `None` when the plain link does not decode. `random` is 32 bytes from a
    /// secure random source, used for the sealed box's one-time key.
    pub fn seal_link(self, plain: &str, random: [u8; KEY_BYTES]) -> Option<String> {
        let payload = payload_of(plain, crate::share::FRAGMENT_PREFIX)?;
        let bytes = wire::decode(payload)?;
        let length = u8::try_from(bytes.len()).ok().filter(|&n| usize::from(n) < PADDED_BYTES)?;
        let mut padded = Vec::with_capacity(PADDED_BYTES);
        padded.push(length);
        padded.extend_from_slice(&bytes);
        padded.resize(PADDED_BYTES, 0);
        let sealed = PublicKey::from(self.0).seal(&mut Bytes(random, 0), &padded).ok()?;
        Some([FRAGMENT_PREFIX, &self.tag(), ".", &wire::encode(&sealed)].concat())
    }
}

impl SecretRoundKey {
    /// A secret key as base64url (43 characters), as pasted or saved in a key file.
    pub fn parse(text: &str) -> Result<SecretRoundKey, SealError> {
        key_bytes(text.trim()).map(SecretRoundKey)
    }

    pub fn to_text(&self) -> String {
        wire::encode(&self.0)
    }

    /// A new key from 32 secure random bytes.
    pub fn from_random(random: [u8; KEY_BYTES]) -> SecretRoundKey {
        SecretRoundKey(random)
    }

    pub fn public(&self) -> RoundKey {
        RoundKey(SecretKey::from(self.0).public_key().to_bytes())
    }
}

/// A round key the facilitator holds, with its label (the client's name, say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldKey {
    pub label: String,
    pub secret: SecretRoundKey,
}

/// The first line of a key file.
pub const KEY_FILE_HEADER: &str = "overlap-round-key 1";

impl HeldKey {
    /// The key as a file: a header, its label and its secret, one per line. Whoever holds the
    /// file can open the round's sealed links; without it, nobody can.
    pub fn to_file(&self) -> String {
        let label: String = self.label.chars().filter(|c| !c.is_control()).collect();
        [KEY_FILE_HEADER, "\nlabel: ", &label, "\nsecret: ", &self.secret.to_text(), "\n"].concat()
    }

    /// Keys from a key file, or from several one after another (how the browser stores them);
    /// a file holding only a pasted secret key (43 characters) is read too.
    pub fn parse_all(text: &str) -> Result<Vec<HeldKey>, SealError> {
        let text = text.trim();
        if !text.starts_with(KEY_FILE_HEADER) {
            return SecretRoundKey::parse(text).map(|secret| vec![HeldKey { label: String::new(), secret }]);
        }
        let mut out = Vec::new();
        let mut label = String::new();
        for line in text.lines().map(str::trim) {
            if let Some(l) = line.strip_prefix("label:") {
                label = l.trim().to_string();
            } else if let Some(s) = line.strip_prefix("secret:") {
                out.push(HeldKey { label: std::mem::take(&mut label), secret: SecretRoundKey::parse(s)? });
            } else if !line.is_empty() && line != KEY_FILE_HEADER {
                return Err(SealError::NotAKey);
            }
        }
        if out.is_empty() {
            return Err(SealError::NotAKey);
        }
        Ok(out)
    }
}

/// Whether some text is a sealed link (or its fragment), without opening it.
pub fn is_sealed(text: &str) -> bool {
    payload_of(text, FRAGMENT_PREFIX).is_some()
}

/// Every sealed link's fragment (`s=...`) in a text, in order (links inside prose included).
pub fn find_links(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find("#s=") {
        let start = pos + 1;
        let end = rest[start + 2..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
            .map_or(rest.len(), |e| start + 2 + e);
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

/// The tag of a sealed link, when it has the shape of one.
pub fn tag_of(text: &str) -> Option<&str> {
    let (tag, rest) = payload_of(text, FRAGMENT_PREFIX)?.split_once('.')?;
    (tag.len() == 2 * FINGERPRINT_BYTES && tag.bytes().all(|b| b.is_ascii_hexdigit()) && !rest.is_empty())
        .then_some(tag)
}

/// Opens a sealed link with the first of `keys` it was sealed for: the plain link's fragment
/// (`r=...`), which decodes as any result link does.
pub fn open_link(text: &str, keys: &[SecretRoundKey]) -> Result<String, SealError> {
    let payload = payload_of(text, FRAGMENT_PREFIX).ok_or(SealError::NotSealed)?;
    let (tag, body) = payload.split_once('.').ok_or(SealError::Damaged)?;
    if tag_of(text).is_none() || !in_link_alphabet(body) {
        return Err(SealError::Damaged);
    }
    let key = keys.iter().find(|k| k.public().tag() == tag).ok_or(SealError::OtherRound)?;
    let sealed = wire::decode(body).ok_or(SealError::Damaged)?;
    let padded = SecretKey::from(key.0).unseal(&sealed).map_err(|_| SealError::Damaged)?;
    // The box opened, so these bytes are what was sealed; a length that does not fit them means
    // a sealer that is not Overlap's, and the link is treated as damaged rather than guessed at.
    let (&length, rest) = padded.split_first().ok_or(SealError::Damaged)?;
    let plain = rest.get(..usize::from(length)).ok_or(SealError::Damaged)?;
    Ok([crate::share::FRAGMENT_PREFIX, &wire::encode(plain)].concat())
}

fn key_bytes(text: &str) -> Result<[u8; KEY_BYTES], SealError> {
    if text.len() != KEY_CHARS || !in_link_alphabet(text) {
        return Err(SealError::NotAKey);
    }
    wire::decode(text).and_then(|b| b.try_into().ok()).ok_or(SealError::NotAKey)
}

/// Lower-case hex digits of some bytes (tags, and the kiosk's stored PIN hash).
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes.iter().flat_map(|b| [DIGITS[(b >> 4) as usize] as char, DIGITS[(b & 15) as usize] as char]).collect()
}

/// The caller's random bytes, handed to the sealed box as its random source. It asks for 32
/// bytes (the one-time key) and nothing more; past them it would repeat, which never happens.
struct Bytes([u8; KEY_BYTES], usize);

impl RngCore for Bytes {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }

    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for d in dest {
            *d = self.0[self.1 % KEY_BYTES];
            self.1 += 1;
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), RandError> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl CryptoRng for Bytes {}

#[cfg(test)]
mod tests;
