//! The outcomes wheel's geometry: rings, segments, labels (no egui).
