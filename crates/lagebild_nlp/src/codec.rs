//! The little binary format of the model files: little-endian integers and
//! length-prefixed UTF-8 strings, the whole file gzip-compressed.

use std::io::{Read, Write};

use crate::ModelError;

#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, value: u8) {
        self.bytes.push(value);
    }
    pub fn u16(&mut self, value: u16) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }
    pub fn i16(&mut self, value: i16) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }
    pub fn u32(&mut self, value: u32) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }
    pub fn u64(&mut self, value: u64) {
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }
    /// LEB128 variable-length unsigned integer.
    pub fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }
    /// Zigzag-encoded signed varint.
    pub fn signed(&mut self, value: i64) {
        self.varint(((value << 1) ^ (value >> 63)) as u64);
    }
    pub fn str(&mut self, value: &str) {
        self.u32(value.len() as u32);
        self.bytes.extend_from_slice(value.as_bytes());
    }

    /// The gzip-compressed bytes.
    pub fn compressed(&self) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(&self.bytes);
        encoder.finish().unwrap_or_default()
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
    name: &'static str,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8], name: &'static str) -> Reader<'a> {
        Reader {
            bytes,
            position: 0,
            name,
        }
    }

    fn take(&mut self, count: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .position
            .checked_add(count)
            .filter(|&end| end <= self.bytes.len());
        match end {
            Some(end) => {
                let slice = &self.bytes[self.position..end];
                self.position = end;
                Ok(slice)
            }
            None => Err(ModelError::Truncated {
                name: self.name,
                offset: self.position,
            }),
        }
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.array()?))
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError::Format {
            name: self.name,
            message: format!("varint too long at byte {}", self.position),
        })
    }
    pub fn signed(&mut self) -> Result<i64, ModelError> {
        let value = self.varint()?;
        Ok(((value >> 1) as i64) ^ -((value & 1) as i64))
    }
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let len = self.u32()? as usize;
        let offset = self.position;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| ModelError::Utf8 {
            name: self.name,
            offset,
        })
    }
}

/// Decompresses a gzip file held in memory.
pub fn gunzip(bytes: &[u8], name: &'static str) -> Result<Vec<u8>, ModelError> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|error| ModelError::Gzip {
            name,
            message: error.to_string(),
        })?;
    Ok(out)
}
