//! LEB128 variable-length integers: seven bits a byte, low bits first, high bit set on all but the last.
//!
//! Reads are checked: a corrupt or truncated index yields an error, never a panic or an
//! out-of-bounds read.

use super::IndexError;

/// Appends `value` to `out` (the index writer's).
#[cfg(feature = "build")]
pub fn write(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A read position in a byte slice.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// A reader starting at `offset`, or an error if `offset` lies outside `bytes`.
    pub fn at(bytes: &'a [u8], offset: u64) -> Result<Self, IndexError> {
        let pos = usize::try_from(offset).map_err(|_| IndexError::Corrupt("offset too large"))?;
        if pos > bytes.len() {
            return Err(IndexError::Corrupt("offset past the end of a section"));
        }
        Ok(Reader { bytes, pos })
    }

    pub fn u64(&mut self) -> Result<u64, IndexError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self
                .bytes
                .get(self.pos)
                .ok_or(IndexError::Corrupt("truncated number"))?;
            self.pos += 1;
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(IndexError::Corrupt("number longer than 64 bits"))
    }

    #[inline]
    pub fn u32(&mut self) -> Result<u32, IndexError> {
        // Most numbers in postings (counts, deltas, lengths) fit in one byte.
        match self.bytes.get(self.pos) {
            Some(&byte) if byte < 0x80 => {
                self.pos += 1;
                Ok(u32::from(byte))
            }
            _ => u32::try_from(self.u64()?)
                .map_err(|_| IndexError::Corrupt("number larger than 32 bits")),
        }
    }

    /// The next byte as it is (not a varint).
    pub fn u8(&mut self) -> Result<u8, IndexError> {
        let byte = *self
            .bytes
            .get(self.pos)
            .ok_or(IndexError::Corrupt("truncated byte"))?;
        self.pos += 1;
        Ok(byte)
    }

    /// How many bytes have been read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    /// The next `len` bytes, advancing past them.
    pub fn bytes(&mut self, len: usize) -> Result<&'a [u8], IndexError> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or(IndexError::Corrupt("truncated bytes"))?;
        let bytes = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(bytes)
    }

    /// The bytes of the next `n` numbers, advancing past them: each ends at a byte below `0x80`.
    pub fn varints(&mut self, n: u32) -> Result<&'a [u8], IndexError> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let mut left = n;
        let mut len = 0;
        // Eight bytes at a time: a bit per byte that ends a number, counted, and the `left`th of
        // them found by clearing the ones before it.
        while left > 0 {
            let Some(Ok(chunk)) = rest.get(len..len + 8).map(<[u8; 8]>::try_from) else {
                break;
            };
            let mut ends = !u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080;
            let count = ends.count_ones();
            if count < left {
                left -= count;
                len += 8;
                continue;
            }
            for _ in 1..left {
                ends &= ends - 1;
            }
            len += ends.trailing_zeros() as usize / 8 + 1;
            left = 0;
        }
        // The last few bytes of the section, one at a time.
        while left > 0 {
            let byte = *rest
                .get(len)
                .ok_or(IndexError::Corrupt("truncated numbers"))?;
            len += 1;
            left -= u32::from(byte < 0x80);
        }
        self.pos += len;
        Ok(&rest[..len])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_truncation() {
        let values = [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX];
        let mut buf = Vec::new();
        for &v in &values {
            write(&mut buf, v);
        }
        let mut r = Reader::new(&buf);
        for &v in &values {
            assert_eq!(r.u64().unwrap(), v);
        }
        assert!(r.u64().is_err());
        assert!(Reader::new(&[0x80, 0x80]).u64().is_err());
    }

    #[test]
    fn skips_whole_numbers_and_rejects_truncation() {
        let mut buf = Vec::new();
        for v in [5u64, 300, 70_000, 1] {
            write(&mut buf, v);
        }
        let mut r = Reader::new(&buf);
        assert_eq!(r.varints(3).unwrap().len(), 1 + 2 + 3);
        assert_eq!(r.u32().unwrap(), 1);
        assert_eq!(Reader::new(&buf).varints(0).unwrap(), &[] as &[u8]);
        assert!(Reader::new(&buf).varints(5).is_err());
        assert!(Reader::new(&[0x80, 0x80]).varints(1).is_err());
    }

    #[test]
    fn skipping_agrees_with_reading() {
        // Numbers of one to three bytes, so that eight-byte chunks end anywhere in a number.
        let mut buf = Vec::new();
        for i in 0..200u64 {
            write(&mut buf, (i * 7919) % 40_000);
        }
        for start in 0..20 {
            for n in 0..40 {
                let mut read = Reader::new(&buf);
                for _ in 0..start {
                    read.u64().unwrap();
                }
                let mut skip = read.clone();
                let from = read.pos;
                for _ in 0..n {
                    read.u64().unwrap();
                }
                assert_eq!(
                    skip.varints(n).unwrap(),
                    &buf[from..read.pos],
                    "{start} {n}"
                );
                assert_eq!(skip.pos, read.pos);
            }
        }
    }
}
