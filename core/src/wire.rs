//! The byte-level encodings share and team links rely on: base64url without padding and
//! CRC-16/XMODEM. A few lines each, written here rather than taken from the `base64` and `crc`
//! crates, because the survey's first load carries them (saved progress uses the link codec) and
//! the crates' general engines cost it about 2 KB of compressed WebAssembly. The tests check
//! both against those crates, which stay as development dependencies.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Each byte's value in the alphabet, or `NONE`: the team view decodes thousands of links, so
/// the lookup is a table (built at compile time from `ALPHABET`), not a search.
const NONE: u8 = 0xff;
const VALUES: [u8; 256] = {
    let mut table = [NONE; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// base64url, no padding (RFC 4648 §5).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of base64url text without padding; `None` for a character outside the alphabet,
/// a length no encoding has (one character over a group of four), or a last character whose
/// unused bits are set (so every byte string has exactly one text, as with `base64`'s decoder).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| match VALUES[c as usize] {
        NONE => None,
        v => Some(v as u32),
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // Bits below the last whole byte must be zero.
        if n & (0xff_ffff >> (8 * bytes)) != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

/// CRC-16/XMODEM (polynomial 0x1021, initial value 0, no reflection), bit by bit: links are a
/// few dozen bytes, so a table would cost more than it saves.
pub fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |crc, b| {
        (0..8).fold(crc ^ (*b as u16) << 8, |c, _| if c & 0x8000 != 0 { c << 1 ^ 0x1021 } else { c << 1 })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine as _;
    use proptest::prelude::*;

    #[test]
    fn known_values() {
        assert_eq!(encode(b""), "");
        assert_eq!(encode(b"f"), "Zg");
        assert_eq!(encode(b"fo"), "Zm8");
        assert_eq!(encode(b"foo"), "Zm9v");
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("Zm9vYg"), Some(b"foob".to_vec()));
        assert_eq!(decode("Zm9vY"), None);
        assert_eq!(decode("Zh"), None, "unused bits set");
        assert_eq!(decode("Zm9v+A"), None, "standard alphabet");
        // The check value of CRC-16/XMODEM.
        assert_eq!(crc16(b"123456789"), 0x31c3);
    }

    proptest! {
        #[test]
        fn encoding_matches_the_base64_crate(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let text = encode(&bytes);
            prop_assert_eq!(&text, &URL_SAFE_NO_PAD.encode(&bytes));
            prop_assert_eq!(decode(&text), Some(bytes));
        }

        #[test]
        fn decoding_any_text_matches_the_base64_crate(text in "[A-Za-z0-9_=+/ -]{0,40}") {
            prop_assert_eq!(decode(&text), URL_SAFE_NO_PAD.decode(&text).ok());
        }

        #[test]
        fn crc_matches_the_crc_crate(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            prop_assert_eq!(crc16(&bytes), crc::Crc::<u16>::new(&crc::CRC_16_XMODEM).checksum(&bytes));
        }
    }
}
