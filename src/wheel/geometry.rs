//! Questions asked of a laid-out wheel: what is under a point, a segment's path and
//! neighbours, which names match a search.

use super::{Geometry, Hit, Ring, Segment, SegmentKey};
use std::f32::consts::TAU;

impl Geometry {
    /// The segment or centre under the point `(x, y)` (relative to the centre).
    pub fn hit_test(&self, x: f32, y: f32) -> Option<Hit> {
        let r = (x * x + y * y).sqrt();
        if r < self.radii[1] {
            return Some(Hit::Vision);
        }
        let ri = (1..5).find(|&k| r >= self.radii[k] && r < self.radii[k + 1])?;
        let theta = x.atan2(-y).rem_euclid(TAU);
        let ring = &self.segments[self.rings[ri].clone()];
        // Segments in a ring are sorted by start angle.
        let k = ring.partition_point(|s| s.start <= theta);
        if k == 0 {
            return None;
        }
        let s = &ring[k - 1];
        (theta < s.end).then_some(Hit::Segment(self.rings[ri].start + k - 1))
    }

    /// The segments of a ring.
    pub fn ring(&self, ring: Ring) -> &[Segment] {
        &self.segments[self.rings[ring.index()].clone()]
    }

    /// Index of the segment with this key.
    pub fn find_key(&self, key: &SegmentKey) -> Option<usize> {
        self.segments.iter().position(|s| s.key == *key)
    }

    /// Index of an outcome's segment.
    pub fn find_outcome(&self, id: &str) -> Option<usize> {
        self.ring(Ring::Outcome)
            .iter()
            .position(|s| s.key.is_outcome(id))
            .map(|k| self.rings[Ring::Outcome.index()].start + k)
    }

    /// Names from the inner ring out to segment `i` ("Fairness › Health › …").
    pub fn path(&self, i: usize) -> Vec<&str> {
        let mut v = Vec::new();
        let mut at = Some(i);
        while let Some(k) = at {
            v.push(self.segments[k].name.as_str());
            at = self.segments[k].parent;
        }
        v.reverse();
        v
    }

    /// Is segment `a` an ancestor of (or equal to) `b`?
    pub fn is_ancestor(&self, a: usize, b: usize) -> bool {
        let mut at = Some(b);
        while let Some(k) = at {
            if k == a {
                return true;
            }
            at = self.segments[k].parent;
        }
        false
    }

    /// The neighbour of segment `i` for keyboard movement.
    pub fn neighbour(&self, i: usize, step: Step) -> Option<usize> {
        let s = &self.segments[i];
        let range = self.rings[s.ring.index()].clone();
        match step {
            Step::Next | Step::Prev => {
                let n = range.len();
                let k = i - range.start;
                let k = if step == Step::Next {
                    (k + 1) % n
                } else {
                    (k + n - 1) % n
                };
                Some(range.start + k)
            }
            Step::Out => {
                let next = s.ring.index() + 1;
                if next > 4 {
                    return None;
                }
                self.rings[next]
                    .clone()
                    .find(|&k| self.segments[k].parent == Some(i))
            }
            Step::In => s.parent,
        }
    }

    /// Indices of segments whose name contains `query` (case-insensitive).
    pub fn search(&self, query: &str) -> Vec<usize> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.segments
            .iter()
            .enumerate()
            .filter(|(_, s)| s.name.to_lowercase().contains(&q))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Keyboard movement on the wheel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Clockwise within the ring.
    Next,
    /// Anticlockwise within the ring.
    Prev,
    /// To the first child in the next ring out.
    Out,
    /// To the parent in the next ring in.
    In,
}
