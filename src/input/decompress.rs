//! Opens an input as a buffered byte stream, undoing gzip or zstd when the
//! first bytes say so (whatever the file is called).

use super::InputPath;
use flate2::bufread::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader};

const BUF: usize = 256 * 1024;

/// A buffered reader over the decompressed bytes of `input`.
pub fn open(input: &InputPath) -> io::Result<Box<dyn BufRead + Send>> {
    let mut raw: Box<dyn BufRead + Send> = match input {
        InputPath::Stdin => Box::new(BufReader::with_capacity(BUF, io::stdin())),
        InputPath::File(p) => Box::new(BufReader::with_capacity(BUF, File::open(p)?)),
        InputPath::Memory { bytes, .. } => Box::new(io::Cursor::new(bytes.clone())),
    };
    let head = raw.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(
            BUF,
            MultiGzDecoder::new(raw),
        )))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Ok(Box::new(BufReader::with_capacity(
            BUF,
            zstd::Decoder::with_buffer(raw)?,
        )))
    } else {
        Ok(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::{Read, Write};

    #[test]
    fn gzip_is_detected_by_magic_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plain.name");
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello gzip").unwrap();
        std::fs::write(&path, enc.finish().unwrap()).unwrap();
        let mut s = String::new();
        open(&InputPath::File(path))
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "hello gzip");
    }

    #[test]
    fn zstd_is_detected_by_magic_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dump.jsonl.zst");
        std::fs::write(&path, zstd::encode_all(&b"hello zstd"[..], 3).unwrap()).unwrap();
        let mut s = String::new();
        open(&InputPath::File(path))
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "hello zstd");
    }
}
