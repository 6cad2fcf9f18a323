//! The 32-bit FNV-1a hash that keys the locale tables and the item index, shared by build.rs
//! (which builds the tables) and the core (which looks them up), so the two cannot disagree.

/// 32-bit FNV-1a of a key.
pub fn fnv1a(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}
