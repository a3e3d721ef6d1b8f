//! The laid-out wheel kept between frames: its geometry, fill mesh, patterns and label
//! galleys, made again only when the document, the view state, the size or the theme changes.

use super::canvas::Frame;
use super::paint::{fill_mesh, pattern_shapes, plates};
use super::*;

#[derive(Clone, PartialEq)]
pub(super) struct CacheKey {
    revision: u64,
    state: ViewState,
    size: [i32; 2],
    centre: [i32; 2],
    dark: bool,
    text_scale: Option<f32>,
}

pub(super) struct Cache {
    key: CacheKey,
    pub geometry: Geometry,
    pub legend: wheel::Legend,
    pub mesh: Arc<Mesh>,
    /// Hatching and dots over the fills.
    pub patterns: Vec<Shape>,
    /// Galleys of every label line, per segment (empty when it has none).
    pub galleys: Vec<Vec<Arc<Galley>>>,
    pub centre_galleys: Vec<Arc<Galley>>,
    /// The search text and the segments it matches, found once per change of either.
    hits: (String, Vec<usize>),
}

impl Cache {
    /// The segments matching `search` (found again only when it changed).
    pub fn hits(&mut self, search: &str) -> &[usize] {
        if self.hits.0 != search {
            self.hits = (search.to_string(), self.geometry.search(search));
        }
        &self.hits.1
    }

    /// The segments matching `search`, without keeping the answer.
    pub fn matches(&self, search: &str) -> Vec<usize> {
        if self.hits.0 == search {
            self.hits.1.clone()
        } else {
            self.geometry.search(search)
        }
    }
}

impl WheelView {
    /// Lay the wheel out again if anything it depends on changed since the last frame.
    pub(super) fn refresh_cache(&mut self, ui: &Ui, doc: &Document, frame: &Frame) {
        let key = CacheKey {
            revision: doc.revision(),
            state: self.state.clone(),
            size: [frame.radius.round() as i32, 0],
            centre: [frame.centre.x.round() as i32, frame.centre.y.round() as i32],
            dark: ui.visuals().dark_mode,
            text_scale: self.text_scale,
        };
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let p = doc.project();
        let m = self.measurer(ui.ctx(), doc);
        let plan = self.plan(doc);
        let opts = BuildOptions {
            text_scale: self.text_scale.unwrap_or(1.0),
            ..BuildOptions::new(frame.radius)
        };
        let geometry = wheel::build_from(p, &plan, &self.state, &opts, m.as_ref());
        let c = frame.centre;
        let mesh = Arc::new(fill_mesh(&geometry, c));
        let mut patterns = Vec::new();
        for s in &geometry.segments {
            pattern_shapes(s, c, &mut patterns);
        }
        let painter = ui.painter();
        let layout = |l: &wheel::Label, col: Color32| -> Vec<Arc<Galley>> {
            l.lines
                .iter()
                .map(|t| painter.layout_no_wrap(t.clone(), FontId::proportional(l.size), col))
                .collect()
        };
        let galleys: Vec<Vec<Arc<Galley>>> = geometry
            .segments
            .iter()
            .map(|s| match &s.label {
                Some(l) => layout(l, color(s.text_colour)),
                None => Vec::new(),
            })
            .collect();
        for (s, gal) in geometry.segments.iter().zip(&galleys) {
            if let Some(l) = s.label.as_ref().filter(|_| s.pattern != Pattern::Solid) {
                patterns.extend(plates(l, gal, color(s.fill), c));
            }
        }
        let centre_galleys = geometry
            .centre_label
            .as_ref()
            .map(|l| layout(l, ui.visuals().text_color()))
            .unwrap_or_default();
        self.cache = Some(Cache {
            key,
            legend: wheel::legend(p, &self.state),
            geometry,
            mesh,
            patterns,
            galleys,
            centre_galleys,
            hits: (String::new(), Vec::new()),
        });
    }
}
