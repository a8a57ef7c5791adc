//! Sorting for the runtime, small in WebAssembly.
//!
//! `slice::sort_unstable` is ipnsort: fast, but each element type and comparison instantiates
//! about 3 KB of wasm (quicksorts, partitions, sorting networks and a heapsort fallback), and the
//! runtime sorts lists of a dozen kinds. The lists are short (stems, keys, completions, a query's
//! hits), so plain heapsort serves them: O(n log n) at worst, in a few hundred bytes each.
//!
//! Like any unstable sort it may reorder equal elements; every caller sorts by a total order in
//! which equal elements are identical, so the result is the same as `sort_unstable`'s. Where
//! equal keys must keep their order and the list is a handful of elements (a query's words),
//! [`insertion_sort_by_key`] keeps it in less code still: the standard library's stable sort
//! costs about 4 KB of wasm per instance.

use std::cmp::Ordering;

/// Sorts `v` in ascending order; see [`sort_unstable_by`].
pub fn sort_unstable<T: Ord>(v: &mut [T]) {
    sort_unstable_by(v, T::cmp);
}

/// Sorts `v` by `compare`, as `slice::sort_unstable_by` does, with heapsort.
pub fn sort_unstable_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut less = |a: &T, b: &T| compare(a, b) == Ordering::Less;
    // Make `v` a max-heap, then move its largest element behind the heap, one at a time.
    for node in (0..v.len() / 2).rev() {
        sift_down(v, node, &mut less);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(&mut v[..end], 0, &mut less);
    }
}

/// Sorts `v` by `key`, keeping elements with equal keys in their order. O(n²): for short lists.
pub fn insertion_sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Puts the first `k` elements of `v` by `compare`, in order, at the front of `v` (the rest in
/// no particular order): a search sorts only the page of hits it returns, not every match.
/// O(n + k log n).
pub fn sort_first_by<T>(v: &mut [T], k: usize, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let k = k.min(v.len());
    if k == 0 {
        return;
    }
    // A heap whose root is the first element by `compare`; each pop moves it behind the heap, so
    // the first k elements gather at the back, first one last.
    let mut after = |a: &T, b: &T| compare(a, b) == Ordering::Greater;
    for node in (0..v.len() / 2).rev() {
        sift_down(v, node, &mut after);
    }
    let n = v.len();
    for end in (n - k..n).rev() {
        v.swap(0, end);
        sift_down(&mut v[..end], 0, &mut after);
    }
    v[n - k..].reverse();
    v.rotate_right(k);
}

/// The sorted lists `a` and `b` as one sorted list, in linear time: merging runs that are already
/// sorted beats sorting their concatenation when they are long.
pub fn merge_sorted<T: Ord + Copy>(a: Vec<T>, b: Vec<T>) -> Vec<T> {
    if a.is_empty() {
        return b;
    }
    if b.is_empty() {
        return a;
    }
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if b[j] < a[i] {
            merged.push(b[j]);
            j += 1;
        } else {
            merged.push(a[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&a[i..]);
    merged.extend_from_slice(&b[j..]);
    merged
}

/// Moves `v[node]` down the heap `v` until both its children are no greater.
fn sift_down<T>(v: &mut [T], mut node: usize, less: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        let mut child = 2 * node + 1;
        if child >= v.len() {
            return;
        }
        if child + 1 < v.len() && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[node], &v[child]) {
            return;
        }
        v.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(mut v in proptest::collection::vec(0u8..16, 0..64)) {
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_unstable(&mut v);
            proptest::prop_assert_eq!(v, expected);
        }

        #[test]
        fn sorts_the_first_k_as_a_full_sort_would(
            mut v in proptest::collection::vec((0u8..8, 0u8..8), 0..64),
            k in 0usize..70,
        ) {
            let by = |a: &(u8, u8), b: &(u8, u8)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
            let mut expected = v.clone();
            expected.sort_unstable_by(by);
            sort_first_by(&mut v, k, by);
            let k = k.min(v.len());
            proptest::prop_assert_eq!(&v[..k], &expected[..k]);
            v.sort_unstable_by(by);
            proptest::prop_assert_eq!(v, expected, "the same elements");
        }

        #[test]
        fn merges_as_sorting_the_concatenation_would(
            mut a in proptest::collection::vec(0u8..16, 0..32),
            mut b in proptest::collection::vec(0u8..16, 0..32),
        ) {
            a.sort_unstable();
            b.sort_unstable();
            let mut expected = [a.clone(), b.clone()].concat();
            expected.sort_unstable();
            proptest::prop_assert_eq!(merge_sorted(a, b), expected);
        }

        #[test]
        fn insertion_sort_is_stable(mut v in proptest::collection::vec((0u8..4, 0u8..255), 0..64)) {
            let mut expected = v.clone();
            expected.sort_by_key(|e| e.0);
            insertion_sort_by_key(&mut v, |e| e.0);
            proptest::prop_assert_eq!(v, expected);
        }

        #[test]
        fn sorts_by_a_comparison(mut v in proptest::collection::vec((0u8..4, 0u8..4), 0..64)) {
            let by = |a: &(u8, u8), b: &(u8, u8)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
            let mut expected = v.clone();
            expected.sort_unstable_by(by);
            sort_unstable_by(&mut v, by);
            proptest::prop_assert_eq!(v, expected);
        }
    }
}
