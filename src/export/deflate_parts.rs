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
pub fn part(raw: &[u8], level: u32, last: bool) -> Result<Part, String> {
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
    Ok(Part {
        deflated: out,
        adler: checksum(raw),
        len: raw.len(),
    })
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
        let parts = [
            part(a, 1, false).unwrap(),
            part(b, 1, false).unwrap(),
            part(c, 1, true).unwrap(),
        ];
        let stream = join(&parts);
        let mut back = Vec::new();
        flate2::read::ZlibDecoder::new(&stream[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
        // An empty last part still ends the stream.
        let stream = join(&[part(&data, 1, false).unwrap(), part(&[], 1, true).unwrap()]);
        let mut back = Vec::new();
        flate2::read::ZlibDecoder::new(&stream[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
    }
}
