//! Trend chart content: series, axes, ticks, markers (no egui).
