//! Synthetic projects at any scale, deterministic from a seed (for benchmarks and trying the app).
