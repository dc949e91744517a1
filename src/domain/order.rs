//! One sort for the import code. Every `sort_by_key` with its own key type or closure adds a
//! copy of the standard library's sort to the wasm (several KB each); the imports order
//! their proposals, values and accounts through this one function instead.

/// The positions `0..n` of `keys`, ordered by key and, for equal keys, by position.
pub fn order_by(keys: impl IntoIterator<Item = u64>) -> Vec<usize> {
    let mut v: Vec<(u64, u32)> = keys.into_iter().enumerate().map(|(i, k)| (k, i as u32)).collect();
    v.sort_unstable();
    v.into_iter().map(|(_, i)| i as usize).collect()
}

/// A key of two parts: `high` decides, `low` breaks ties (both below 2^32: row counts and
/// positions are, as files hold at most 50,000 rows).
pub fn pair(high: u64, low: usize) -> u64 {
    (high.min(u32::MAX as u64) << 32) | (low as u64).min(u32::MAX as u64)
}

/// A key part that puts larger counts first.
pub fn descending_u32(n: usize) -> u64 {
    u32::MAX as u64 - (n as u64).min(u32::MAX as u64)
}

/// A key for [`order_by`] that puts larger numbers first.
pub fn descending(n: u64) -> u64 {
    u64::MAX - n
}

/// An amount as a key for [`order_by`], larger first (negative amounts last, NaN never first).
pub fn descending_amount(v: f64) -> u64 {
    // Non-negative finite doubles order as their bits do.
    descending(if v.is_finite() && v > 0.0 { v.to_bits() } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_key_then_position() {
        assert_eq!(order_by([3, 1, 2, 1]), vec![1, 3, 2, 0]);
        assert_eq!(order_by([descending(3), descending(9), descending(3)]), vec![1, 0, 2]);
        let amounts = [10.5, 1e9, -4.0, 250.0];
        assert_eq!(order_by(amounts.map(descending_amount)), vec![1, 3, 0, 2]);
        assert!(order_by(std::iter::empty()).is_empty());
        // Most first, then the earlier.
        let found = [(2, 5), (7, 9), (2, 1)];
        assert_eq!(order_by(found.map(|(n, at)| pair(descending_u32(n), at))), vec![1, 2, 0]);
    }
}
