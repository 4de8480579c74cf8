//! Places on a live learning event: who gets a seat, who waits, and who moves up when
//! someone cancels. Pure arithmetic; the store applies it inside one database transaction,
//! so simultaneous requests see each other's seats and capacity is never exceeded.

use serde::{Deserialize, Serialize};

/// Where a booking request lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// A seat is free: booked (or, where the line manager must approve, held pending).
    Booked,
    /// Full: joins the waitlist at this position (1 is next in line).
    Waitlisted { position: u32 },
}

/// Seats still free: never negative, even if an event was over-filled by hand before its
/// capacity was lowered.
pub fn free_seats(capacity: u32, taken: u32) -> u32 {
    capacity.saturating_sub(taken)
}

/// Where a new request goes, given the seats taken (booked or awaiting approval) and the
/// number already waiting.
pub fn place(capacity: u32, taken: u32, waiting: u32) -> Placement {
    if free_seats(capacity, taken) > 0 {
        Placement::Booked
    } else {
        Placement::Waitlisted {
            position: waiting.saturating_add(1),
        }
    }
}

/// After a cancellation (or capacity going up), how many people at the head of the waitlist
/// move into seats: as many as there are free seats, and no more than are waiting.
pub fn promotions(capacity: u32, taken: u32, waiting: u32) -> u32 {
    free_seats(capacity, taken).min(waiting)
}

/// Who is next: the earliest on the waitlist. Ties on the same instant go to the smaller
/// key, so every server picks the same person.
pub fn next_in_line<K: Ord>(waitlist: &[(K, String)]) -> Option<&K> {
    waitlist
        .iter()
        .min_by(|(ka, at_a), (kb, at_b)| at_a.cmp(at_b).then(ka.cmp(kb)))
        .map(|(key, _)| key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_seat_is_booked_and_a_full_event_waitlists_in_order() {
        assert_eq!(place(10, 0, 0), Placement::Booked);
        assert_eq!(place(10, 9, 0), Placement::Booked);
        assert_eq!(place(10, 10, 0), Placement::Waitlisted { position: 1 });
        assert_eq!(place(10, 10, 4), Placement::Waitlisted { position: 5 });
    }

    #[test]
    fn capacity_arithmetic_never_goes_negative() {
        assert_eq!(free_seats(10, 12), 0);
        assert_eq!(place(10, 12, 0), Placement::Waitlisted { position: 1 });
        assert_eq!(place(0, 0, 0), Placement::Waitlisted { position: 1 });
        assert_eq!(free_seats(u32::MAX, 0), u32::MAX);
    }

    #[test]
    fn a_cancellation_promotes_one_and_a_bigger_room_promotes_more() {
        // Full with three waiting; one cancels.
        assert_eq!(promotions(10, 9, 3), 1);
        // The room grows by five: only three are waiting.
        assert_eq!(promotions(15, 10, 3), 3);
        // Nobody waiting, or no seat free: nobody moves.
        assert_eq!(promotions(10, 9, 0), 0);
        assert_eq!(promotions(10, 10, 3), 0);
    }

    #[test]
    fn the_earliest_waiting_goes_first_and_ties_break_the_same_way_everywhere() {
        let waitlist = vec![
            ("b".to_string(), "2026-11-20T10:00:00Z".to_string()),
            ("a".to_string(), "2026-11-20T10:00:00Z".to_string()),
            ("c".to_string(), "2026-11-19T09:00:00Z".to_string()),
        ];
        assert_eq!(next_in_line(&waitlist).map(String::as_str), Some("c"));
        assert_eq!(next_in_line(&waitlist[..2]).map(String::as_str), Some("a"));
        assert_eq!(next_in_line::<String>(&[]), None);
    }
}
