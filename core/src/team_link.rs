//! Team summary links (`#t=...`): the figures a team view showed, and nothing about any
//! individual, packed like share links (version, bits, CRC-16, base64url) to pass on to
//! leadership.
//!
//! Only what the team view shows travels, after the anonymity rules: the counts, each
//! dimension's team score and spread, each role group's size and (when shown) its means, the
//! comparisons between shown groups, each ownership area's gap and dispute marks with every
//! shown group's majority owner, the red flags that may be shown with their counts, and which
//! hidden roles' own questions were withheld. Hidden groups travel as hidden, with no figures,
//! and a team below the threshold as suppressed, so the link carries nothing the anonymity rules
//! withhold. (It keeps up to `MAX_GAPS` comparisons where the screen lists fewer; all of them are
//! between shown groups.)
//!
//! Layout of version 2 (the instrument version is the first field; version 1's links, made by
//! the first release, keep their own layout, half points in 8 bits, and decode into the same
//! report with what they carried): `version:6 | threshold:6 | n:10 | n_full:10 | suppressed:1 |
//! per dimension (score, median, q1, q3 in tenths:10 each, 1023 = none; n:10) | per role (n:10,
//! hidden:2, means in tenths:10 ×9 when shown) | gaps (count:5, then each dimension:4, higher
//! and lower (role:2, n:10, mean and sd in tenths:10 each), gap:1) | per area (gap:1, disputed:1, per role
//! (owner:3, agree:7, of:7)) | flags (count:6, then each rule:6, count:10, of:10) | withheld
//! roles:4`, zero padding, CRC-16/XMODEM.

use crate::instrument::Instrument;
use crate::share::{BitReader, LinkError};

// The figures' codec: the team module's part.
#[cfg(feature = "team")]
mod codec;
#[cfg(feature = "team")]
pub use codec::{decode, encode, MAX_GAPS};

pub const FRAGMENT_PREFIX: &str = "t=";

/// The checked body of a team link: the right prefix and alphabet, long enough, and the CRC
/// matches. Never panics.
pub(crate) fn envelope(text: &str) -> Result<Vec<u8>, LinkError> {
    let payload = crate::share::payload_of(text, FRAGMENT_PREFIX).ok_or(LinkError::NotOverlap)?;
    if !crate::share::in_link_alphabet(payload) {
        return Err(LinkError::Garbled);
    }
    let bytes = crate::wire::decode(payload).ok_or(LinkError::Truncated)?;
    if bytes.len() < 8 {
        return Err(LinkError::Truncated);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 2);
    if crate::wire::crc16(body).to_be_bytes() != sum {
        return Err(LinkError::Altered);
    }
    Ok(body.to_vec())
}

/// Whether a team link opens, and if not why, without building the report: what the app checks
/// before it loads the results module (which decodes the link in full).
pub fn check(text: &str) -> Result<(), LinkError> {
    let body = envelope(text)?;
    Instrument::by_version(BitReader::new(&body).take(6) as u8)?;
    Ok(())
}

#[cfg(test)]
mod tests;
