//! Round numbers for a value axis.

/// Axis ticks for values up to `max`: `0` and then 2 to 4 equal round steps (1, 2 or 5 × 10ⁿ),
/// the last one at or above `max`. `max = 0` gives `[0, 1, 2]` so an empty axis still has a scale.
pub fn nice_ticks(max: u64) -> Vec<u64> {
    let max = u128::from(max);
    let mut magnitude: u128 = 1;
    let step = loop {
        // The smallest round step that covers `max` in at most four steps.
        if let Some(step) = [1, 2, 5].iter().map(|m| m * magnitude).find(|step| max.div_ceil(*step) <= 4) {
            break step;
        }
        magnitude *= 10;
    };
    let steps = max.div_ceil(step).max(2);
    (0..=steps).map(|i| u64::try_from(i * step).unwrap_or(u64::MAX)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_of_zero_still_give_a_scale() {
        assert_eq!(nice_ticks(0), vec![0, 1, 2]);
    }

    #[test]
    fn nice_ticks_use_round_steps_that_cover_the_maximum() {
        assert_eq!(nice_ticks(1), vec![0, 1, 2]);
        assert_eq!(nice_ticks(3), vec![0, 1, 2, 3]);
        assert_eq!(nice_ticks(7), vec![0, 2, 4, 6, 8]);
        assert_eq!(nice_ticks(10), vec![0, 5, 10]);
        assert_eq!(nice_ticks(42), vec![0, 20, 40, 60]);
        assert_eq!(nice_ticks(100), vec![0, 50, 100]);
        assert_eq!(nice_ticks(1234), vec![0, 500, 1000, 1500]);
    }

    #[test]
    fn nice_ticks_always_have_two_to_four_steps_of_one_two_or_five() {
        for max in (0..2000).chain([99_999, 1_000_001, 987_654_321]) {
            let ticks = nice_ticks(max);
            assert!((3..=5).contains(&ticks.len()), "{max}: {ticks:?}");
            assert_eq!(ticks[0], 0);
            assert!(*ticks.last().unwrap() >= max, "{max}: {ticks:?}");
            let step = ticks[1];
            let mut mantissa = step;
            while mantissa % 10 == 0 {
                mantissa /= 10;
            }
            assert!([1, 2, 5].contains(&mantissa), "{max}: {ticks:?}");
            assert!(ticks.windows(2).all(|w| w[1] - w[0] == step), "{max}: {ticks:?}");
        }
    }

    #[test]
    fn nice_ticks_do_not_overflow_at_the_largest_value() {
        let ticks = nice_ticks(u64::MAX);
        assert_eq!(*ticks.last().unwrap(), u64::MAX);
    }
}
