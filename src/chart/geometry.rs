//! The plot area in pixels: mapping values to it, boxes that must not overlap, and
//! clipping lines and shapes to it, so that a picture draws only what lies inside.

/// The plot area on the page (pixels, y down) and the values it shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    /// The time shown, left to right.
    pub x: (f64, f64),
    /// The values shown, bottom to top.
    pub y: (f64, f64),
}

impl Frame {
    pub fn px(&self, x: f64) -> f64 {
        self.left + (x - self.x.0) / (self.x.1 - self.x.0) * (self.right - self.left)
    }

    pub fn py(&self, y: f64) -> f64 {
        self.bottom - (y - self.y.0) / (self.y.1 - self.y.0) * (self.bottom - self.top)
    }

    /// A value's point on the page.
    pub fn at(&self, x: f64, y: f64) -> (f64, f64) {
        (self.px(x), self.py(y))
    }

    /// The plot area as a box.
    pub fn area(&self) -> Area {
        Area {
            x0: self.left,
            y0: self.top,
            x1: self.right,
            y1: self.bottom,
        }
    }

    /// Is the page point inside the plot area (edges included)?
    pub fn holds(&self, p: (f64, f64)) -> bool {
        let e = 1e-6;
        p.0 >= self.left - e
            && p.0 <= self.right + e
            && p.1 >= self.top - e
            && p.1 <= self.bottom + e
    }

    /// The part of the segment `a`–`b` (page points) inside the plot area (Liang–Barsky).
    pub fn clip_segment(&self, a: (f64, f64), b: (f64, f64)) -> Option<[(f64, f64); 2]> {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - self.left),
            (dx, self.right - a.0),
            (-dy, a.1 - self.top),
            (dy, self.bottom - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
        (t0 <= t1).then_some([
            (a.0 + t0 * dx, a.1 + t0 * dy),
            (a.0 + t1 * dx, a.1 + t1 * dy),
        ])
    }

    /// The part of the convex or simple polygon `points` (page points) inside the plot
    /// area (Sutherland–Hodgman); empty when none is.
    pub fn clip_polygon(&self, points: &[(f64, f64)]) -> Vec<(f64, f64)> {
        // How far inside each edge a point is (negative outside).
        let edges: [Inside; 4] = [
            |f, p| p.0 - f.left,
            |f, p| f.right - p.0,
            |f, p| p.1 - f.top,
            |f, p| f.bottom - p.1,
        ];
        let mut poly = points.to_vec();
        for inside in edges {
            if poly.is_empty() {
                break;
            }
            let input = std::mem::take(&mut poly);
            for (i, &cur) in input.iter().enumerate() {
                let prev = input[(i + input.len() - 1) % input.len()];
                let (dc, dp) = (inside(self, cur), inside(self, prev));
                if dc >= 0.0 {
                    if dp < 0.0 {
                        poly.push(lerp(prev, cur, dp / (dp - dc)));
                    }
                    poly.push(cur);
                } else if dp >= 0.0 {
                    poly.push(lerp(prev, cur, dp / (dp - dc)));
                }
            }
        }
        poly
    }
}

/// How far inside one edge of the frame a point is (negative outside).
type Inside = fn(&Frame, (f64, f64)) -> f64;

fn lerp(a: (f64, f64), b: (f64, f64), t: f64) -> (f64, f64) {
    (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
}

/// A box on the page (pixels, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Area {
    /// A box of `w`×`h` with its top-left corner at (`x`, `y`).
    pub fn at(x: f64, y: f64, w: f64, h: f64) -> Area {
        Area {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        }
    }

    /// A square box of half-side `r` around `p`.
    pub fn around(p: (f64, f64), r: f64) -> Area {
        Area {
            x0: p.0 - r,
            y0: p.1 - r,
            x1: p.0 + r,
            y1: p.1 + r,
        }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Do the two boxes share any area?
    /// How far the point `p` is from the box (0 inside it).
    pub fn distance_to(&self, p: (f64, f64)) -> f64 {
        let dx = (self.x0 - p.0).max(p.0 - self.x1).max(0.0);
        let dy = (self.y0 - p.1).max(p.1 - self.y1).max(0.0);
        dx.hypot(dy)
    }

    pub fn overlaps(&self, o: &Area) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Is `self` wholly inside `outer`?
    pub fn inside(&self, outer: &Area) -> bool {
        let e = 1e-6;
        self.x0 >= outer.x0 - e
            && self.x1 <= outer.x1 + e
            && self.y0 >= outer.y0 - e
            && self.y1 <= outer.y1 + e
    }

    /// Does the segment `a`–`b` pass through the box?
    pub fn crosses(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let f = Frame {
            left: self.x0,
            top: self.y0,
            right: self.x1,
            bottom: self.y1,
            x: (0.0, 1.0),
            y: (0.0, 1.0),
        };
        f.clip_segment(a, b)
            .is_some_and(|[p, q]| (p.0 - q.0).abs() + (p.1 - q.1).abs() > 1e-9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame {
            left: 100.0,
            top: 50.0,
            right: 500.0,
            bottom: 450.0,
            x: (2020.0, 2030.0),
            y: (0.0, 100.0),
        }
    }

    #[test]
    fn values_map_to_the_plot_area() {
        let f = frame();
        assert_eq!(f.at(2020.0, 0.0), (100.0, 450.0));
        assert_eq!(f.at(2030.0, 100.0), (500.0, 50.0));
        assert!(f.holds((300.0, 200.0)) && !f.holds((99.0, 200.0)));
    }

    #[test]
    fn segments_and_polygons_are_cut_at_the_edges() {
        let f = frame();
        let [a, b] = f.clip_segment((0.0, 250.0), (300.0, 250.0)).unwrap();
        assert_eq!((a, b), ((100.0, 250.0), (300.0, 250.0)));
        assert!(f.clip_segment((0.0, 0.0), (50.0, 40.0)).is_none());
        let [_, b] = f.clip_segment((300.0, 250.0), (900.0, 850.0)).unwrap();
        assert!(
            (b.0 - 500.0).abs() < 1e-9 && (b.1 - 450.0).abs() < 1e-9,
            "{b:?}"
        );
        // A band running off the right edge keeps only its inside part.
        let band = [
            (300.0, 200.0),
            (800.0, 200.0),
            (800.0, 300.0),
            (300.0, 300.0),
        ];
        let inside = f.clip_polygon(&band);
        assert!(inside.iter().all(|p| f.holds(*p)), "{inside:?}");
        assert!(inside.iter().any(|p| (p.0 - 500.0).abs() < 1e-9));
        assert!(
            f.clip_polygon(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)])
                .is_empty()
        );
    }

    #[test]
    fn boxes_overlap_and_cross_lines() {
        let a = Area::at(0.0, 0.0, 10.0, 10.0);
        assert!(a.overlaps(&Area::at(5.0, 5.0, 10.0, 10.0)));
        assert!(
            !a.overlaps(&Area::at(10.0, 0.0, 10.0, 10.0)),
            "touching is not overlapping"
        );
        assert!(a.crosses((-5.0, 5.0), (15.0, 5.0)));
        assert!(!a.crosses((-5.0, 15.0), (15.0, 15.0)));
        assert!(a.inside(&Area::at(-1.0, -1.0, 12.0, 12.0)));
    }
}
