//! One zlib stream compressed in parts on several threads, as pigz does: each part is a
//! raw deflate stream ended by a sync flush (the last by its final block), the parts are
//! joined after a zlib header, and the checksum of the whole is combined from the parts'.
//! Any zlib reader takes the result; each part starts with an empty dictionary, which
//! costs a few hundred bytes on a picture.

use flate2::{Compress, Compression, FlushCompress, Status};

/// A part of the data, compressed, with the Adler-32 checksum and length of its input.
pub struct Part {
    deflated: Vec<u8>,
    adler: u32,
    len: usize,
}

/// Compress `raw` as one part of a stream at `level`; `last` ends the stream.
///
/// Two compressors, each where it does best on the app's flat-coloured pictures (measured
/// on the sample's TA chart, one core): at level 1, miniz_oxide's fast path (209 KB in
/// 6–7 ms, where zlib-rs's level 1 gives 234 KB in the same time); above it, zlib-rs through
/// flate2 (level 4: 129 KB in 10–11 ms, where miniz takes 16–30 ms for 126–153 KB).
pub fn part(raw: &[u8], level: u32, last: bool) -> Result<Part, String> {
    let deflated = if level <= 1 {
        miniz_fast(raw, last)?
    } else {
        zlib(raw, level, last)?
    };
    Ok(Part {
        deflated,
        adler: checksum(raw),
        len: raw.len(),
    })
}

/// `raw` as raw deflate by miniz_oxide at level 1, ended by a sync flush or, when `last`,
/// the final block.
fn miniz_fast(raw: &[u8], last: bool) -> Result<Vec<u8>, String> {
    use miniz_oxide::deflate::core::{
        CompressorOxide, TDEFLFlush, TDEFLStatus, compress_to_output,
        create_comp_flags_from_zip_params,
    };
    // Level 1, raw deflate (negative window bits), the default strategy.
    let mut c = CompressorOxide::new(create_comp_flags_from_zip_params(1, -15, 0));
    let flush = if last {
        TDEFLFlush::Finish
    } else {
        TDEFLFlush::Sync
    };
    let mut out = Vec::with_capacity(raw.len() / 8 + 1024);
    let (status, read) = compress_to_output(&mut c, raw, flush, |bytes| {
        out.extend_from_slice(bytes);
        true
    });
    match status {
        TDEFLStatus::Done | TDEFLStatus::Okay if read == raw.len() => Ok(out),
        _ => Err(format!("could not compress: {status:?}")),
    }
}

/// `raw` as raw deflate by flate2's zlib-rs at `level`.
fn zlib(raw: &[u8], level: u32, last: bool) -> Result<Vec<u8>, String> {
    let mut c = Compress::new(Compression::new(level), false);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    let mut out = Vec::with_capacity(raw.len() / 8 + 1024);
    loop {
        let consumed = c.total_in() as usize;
        let status = c
            .compress_vec(&raw[consumed..], &mut out, flush)
            .map_err(|e| format!("could not compress: {e}"))?;
        let all_in = c.total_in() as usize == raw.len();
        let flushed = if last {
            status == Status::StreamEnd
        } else {
            all_in && out.len() < out.capacity()
        };
        if flushed {
            break;
        }
        out.reserve(out.capacity().max(64 * 1024));
    }
    Ok(out)
}

/// The Adler-32 checksum of `data` (SIMD where the processor has it).
fn checksum(data: &[u8]) -> u32 {
    let mut a = simd_adler32::Adler32::new();
    a.write(data);
    a.finish()
}

const MOD: u64 = 65521;

/// The Adler-32 checksum of `a`'s input followed by `b`'s (zlib's `adler32_combine`).
fn combine(a: u32, b: u32, b_len: usize) -> u32 {
    let rem = b_len as u64 % MOD;
    let (a1, a2) = (a as u64 & 0xffff, a as u64 >> 16);
    let (b1, b2) = (b as u64 & 0xffff, b as u64 >> 16);
    let s1 = (a1 + b1 + MOD - 1) % MOD;
    let s2 = (rem * a1 % MOD + a2 + b2 + MOD - rem) % MOD;
    ((s2 << 16) | s1) as u32
}

/// The zlib stream of the parts' inputs in order (the last part made with `last`).
pub fn join(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + parts.iter().map(|p| p.deflated.len()).sum::<usize>() + 4);
    // Deflate, 32 KB window, fastest compression (the header's level is only a hint).
    out.extend_from_slice(&[0x78, 0x01]);
    let mut adler = 1u32;
    for p in parts {
        out.extend_from_slice(&p.deflated);
        adler = combine(adler, p.adler, p.len);
    }
    out.extend_from_slice(&adler.to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn checksums_combine_as_one_over_the_whole() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        for cut in [0, 1, 65521, 70_000, data.len()] {
            let (a, b) = data.split_at(cut);
            assert_eq!(
                combine(checksum(a), checksum(b), b.len()),
                checksum(&data),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn parts_join_into_a_stream_any_zlib_reader_takes() {
        let data: Vec<u8> = (0..300_000u32).map(|i| ((i / 97) % 13) as u8).collect();
        let (a, rest) = data.split_at(123_457);
        let (b, c) = rest.split_at(80_000);
        let read = |stream: &[u8]| {
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(stream)
                .read_to_end(&mut back)
                .unwrap();
            back
        };
        // Level 1 is miniz_oxide's, level 4 zlib-rs's; parts of either kind join.
        for levels in [[1, 1, 1], [4, 4, 4], [1, 4, 1], [4, 1, 4]] {
            let parts = [
                part(a, levels[0], false).unwrap(),
                part(b, levels[1], false).unwrap(),
                part(c, levels[2], true).unwrap(),
            ];
            assert_eq!(read(&join(&parts)), data, "levels {levels:?}");
            // An empty last part still ends the stream.
            let stream = join(&[
                part(&data, levels[0], false).unwrap(),
                part(&[], levels[1], true).unwrap(),
            ]);
            assert_eq!(read(&stream), data, "levels {levels:?}, empty last part");
        }
    }
}
