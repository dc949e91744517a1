//! Which rows of a long table are drawn: those on screen and a margin around them. The rest
//! are stood in for by two empty rows of the same total height, so the page scrolls as if
//! every row were there. At 10,000 accounts this is what keeps a weight change, which moves
//! every row, within a frame: the browser lays out thirty rows, not a hundred.

/// Rows drawn beyond each edge of the screen, so a quick scroll shows no gap.
pub const MARGIN: usize = 10;

/// The window moves in steps of this many rows, so scrolling changes it once per step rather
/// than on every pixel.
pub const STEP: usize = 5;

/// The rows to draw, `first..last`, of a table of `rows` rows of `row_px` pixels each whose
/// first row's top is at `top` pixels from the top of a screen `screen_px` high (negative when
/// scrolled past). Never empty while there are rows: a table out of sight still draws its
/// first rows, so it has something to measure and to show when it comes into view.
pub fn span(top: f64, screen_px: f64, row_px: f64, rows: usize) -> (usize, usize) {
    if rows == 0 {
        return (0, 0);
    }
    let row_px = if row_px.is_finite() && row_px >= 1.0 { row_px } else { 1.0 };
    let at = |px: f64| if px.is_finite() && px > 0.0 { (px / row_px) as usize } else { 0 };
    let seen_first = at(-top).min(rows - 1);
    let seen_last = at(screen_px - top).saturating_add(1).clamp(seen_first + 1, rows);
    let first = seen_first.saturating_sub(MARGIN) / STEP * STEP;
    let last = seen_last.saturating_add(MARGIN).div_ceil(STEP).saturating_mul(STEP).min(rows);
    (first, last.max(first + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(top: f64, screen: f64, rows: usize, expected: (usize, usize)) {
        assert_eq!(span(top, screen, 40.0, rows), expected, "top {top}, screen {screen}, {rows} rows");
    }

    #[test]
    fn the_window_covers_the_screen_and_a_margin_in_steps() {
        // The table starts 300 px down a 900 px screen: rows 0–15 are seen, 10 more below,
        // rounded up to a step.
        check(300.0, 900.0, 100, (0, 30));
        // Scrolled 2,000 px past the table's top: rows 50–72 are seen.
        check(-2000.0, 900.0, 100, (40, 85));
        check(-1000.0, 900.0, 1000, (15, 60));
        check(-4000.0, 900.0, 1000, (90, 135));
        // A short table is drawn whole; an empty one not at all.
        check(300.0, 900.0, 12, (0, 12));
        check(300.0, 900.0, 0, (0, 0));
        // Out of sight, below or far above: still its first or last rows, never nothing.
        check(5000.0, 900.0, 100, (0, 15));
        check(-1e9, 900.0, 100, (85, 100));
        // Nonsense from the page does not panic or draw nothing.
        check(f64::NAN, f64::NAN, 100, (0, 15));
        assert_eq!(span(0.0, 900.0, 0.0, 100), (0, 100));
    }
}
