//! One sort for the whole crate, so that each list sorted by its own rule does not compile a
//! copy of the standard library's sort (each `sort_by` with its own closure is a new copy of the
//! sorting algorithm: they were about 40 KB of the results module's WebAssembly).
//!
//! [`sort_by`] orders the indices of a list with a comparison passed as a trait object, in a
//! merge sort written once, and then moves the elements into that order. It is stable, so a
//! comparison that ends in a tie-break orders exactly as `sort_by` and `sort_unstable_by` do.

use std::cmp::Ordering;

/// The order of `n` items compared by `cmp` on their indices: a stable bottom-up merge sort.
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    let mut buf = idx.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut a, mut b) = (start, mid);
            for slot in &mut buf[start..end] {
                // Take from the right run only when it is strictly smaller: that keeps it stable.
                let right = b < end && (a >= mid || cmp(idx[b], idx[a]) == Ordering::Less);
                if right {
                    *slot = idx[b];
                    b += 1;
                } else {
                    *slot = idx[a];
                    a += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    idx
}

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|i, j| cmp(&v[i], &v[j]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, for any list and key.
        #[test]
        fn orders_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }
    }
}
