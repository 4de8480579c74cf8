//! Which groups' results may be shown without identifying anyone. A group smaller than the
//! survey's minimum is hidden, and so is any further group whose showing would let someone
//! take the shown groups away from their shown parent and be left with a small group: the
//! hidden groups together must hold nobody or at least the minimum. Pure and unit-tested.

/// For each group (by size, all in one partition of a parent; groups are never empty),
/// whether it may be shown.
/// `parent_shown` says whether the parent's own figures are on show; when they are not,
/// nothing can be subtracted from them.
pub fn shown(sizes: &[u64], parent_shown: bool, min: u64) -> Vec<bool> {
    let mut shown: Vec<bool> = sizes.iter().map(|n| *n >= min).collect();
    if !parent_shown {
        return vec![false; sizes.len()];
    }
    loop {
        let hidden: u64 = sizes
            .iter()
            .zip(&shown)
            .filter(|(_, s)| !**s)
            .map(|(n, _)| *n)
            .sum();
        if hidden == 0 || hidden >= min {
            return shown;
        }
        // Hide the smallest group still shown, so the hidden ones add up to enough people.
        let next = sizes
            .iter()
            .enumerate()
            .filter(|(i, _)| shown[*i])
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => shown[i] = false,
            None => return shown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn small_groups_are_hidden() {
        assert_eq!(
            shown(&[10, 7, 4, 5], true, 5),
            vec![true, true, false, false]
        );
        // 4 hidden people alone could be read off as the parent minus the rest.
        assert_eq!(shown(&[10, 4, 6], true, 5), vec![true, false, false]);
    }

    #[test]
    fn subtracting_from_the_parent_reveals_nothing() {
        // Parent 20 = 12 + 6 + 2: hiding only the 2 lets 20 - 12 - 6 reveal them, so the
        // next smallest (6) goes too, and the hidden 8 are enough.
        let s = shown(&[12, 6, 2], true, 5);
        assert_eq!(s, vec![true, false, false]);
        let hidden: u64 = [12, 6, 2]
            .iter()
            .zip(&s)
            .filter(|(_, s)| !**s)
            .map(|(n, _)| n)
            .sum();
        assert!(hidden == 0 || hidden >= 5);
    }

    #[test]
    fn two_small_groups_together_can_be_enough() {
        // 3 + 3 hidden make 6 >= 5: nothing more need go.
        assert_eq!(shown(&[10, 3, 3], true, 5), vec![true, false, false]);
        assert_eq!(
            shown(&[10, 8, 3, 3], true, 5),
            vec![true, true, false, false]
        );
    }

    #[test]
    fn all_large_groups_are_all_shown() {
        assert_eq!(shown(&[5, 5, 9], true, 5), vec![true, true, true]);
        assert_eq!(shown(&[], true, 5), Vec::<bool>::new());
    }

    #[test]
    fn nothing_shows_under_a_hidden_parent() {
        assert_eq!(shown(&[10, 10], false, 5), vec![false, false]);
    }

    #[test]
    fn a_lone_small_group_hides_everything_it_could_be_read_from() {
        // 4 hidden; the only other group must go too, or parent minus it gives the 4.
        assert_eq!(shown(&[30, 4], true, 5), vec![false, false]);
    }

    #[test]
    fn ties_hide_the_first_smallest() {
        assert_eq!(shown(&[6, 6, 2], true, 5), vec![false, true, false]);
    }
}
