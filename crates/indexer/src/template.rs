//! Putting a site's index into a prebuilt engine `.wasm`, without a compiler.
//!
//! The engine finds its index through one exported static, [`SLOT`]: eight bytes in the
//! module's memory holding the index's address and length (two little-endian `u32`s).
//! `build.rs` points it at the index it embedded. [`patch`] takes such a module (the
//! *template*: the engine as `scripts/build-web` built it, with the seeds) and a new index,
//! and writes a module in which
//!
//! 1. the old index's bytes are cut out of the data segments (a site's bundle carries no
//!    seeds),
//! 2. the new index is a data segment of its own, placed past the memory the module starts
//!    with, which is raised to hold it (the allocator takes memory only by growing it, so it
//!    never hands out these pages), and
//! 3. a last eight-byte segment over the slot points it at the new index (active segments are
//!    written in order at instantiation, so the last one wins).
//!
//! Every other section is copied byte for byte, and the result is validated before it is
//! returned. This is the technique of microsoft/docfind; the slot's layout is the engine's
//! `IndexSlot` (`src/lib.rs`).
//!
//! ```
//! use sondhan_indexer::template::{patch, TemplateError};
//! // Not a module at all: the error says what was expected.
//! let error = patch(b"not wasm", b"index").unwrap_err();
//! assert!(matches!(error, TemplateError::Invalid(_)));
//! ```

use std::ops::Range;

use sondhan_engine::{Index, IndexError};
use wasm_encoder::{
    ConstExpr, DataCountSection, DataSection, MemorySection, MemoryType, RawSection,
};
use wasmparser::{DataKind, ExternalKind, Operator, Parser, Payload, TypeRef, Validator};

/// The name under which the engine exports the address of its index slot.
pub const SLOT: &str = "SONDHAN_INDEX";

/// What an engine built with the `split` feature exports besides: only such an engine can read
/// the root of a split index.
pub const SPLIT_READER: &str = "SONDHAN_READS_SPLIT";

const PAGE: u64 = 64 * 1024;

/// Why a module cannot take an index.
#[derive(Debug)]
pub enum TemplateError {
    /// Not a valid WebAssembly module (before or, which would be a bug here, after patching).
    Invalid(wasmparser::BinaryReaderError),
    /// A valid module, but not an engine built by `scripts/build-web`.
    NotATemplate(String),
    /// The index is the root of a split index, and the template cannot read one.
    NoSplitReader,
    /// The index does not fit in a 32-bit memory.
    TooLarge(usize),
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Invalid(e) => write!(f, "the template is not a valid WebAssembly module: {e}"),
            TemplateError::NotATemplate(why) => write!(
                f,
                "the template is not a sondhan engine built by scripts/build-web ({why}); reinstall the sondhan package"
            ),
            TemplateError::NoSplitReader => write!(
                f,
                "the template is the one-file engine, which cannot read a split index; use the split engine (scripts/build-web --split-engine builds it)"
            ),
            TemplateError::TooLarge(len) => write!(
                f,
                "the index is {len} bytes, more than a WebAssembly memory can hold (4 GiB); index fewer pages"
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

impl From<wasmparser::BinaryReaderError> for TemplateError {
    fn from(e: wasmparser::BinaryReaderError) -> Self {
        TemplateError::Invalid(e)
    }
}

/// One active data segment at a constant address.
struct Segment {
    address: u64,
    bytes: Vec<u8>,
}

/// What [`patch`] needs to know of a template, read in one pass.
#[derive(Default)]
struct Template<'a> {
    /// Every section, in order: `Err` holds the raw (id, bytes) of one copied as it is.
    sections: Vec<Section<'a>>,
    memory: Option<wasmparser::MemoryType>,
    segments: Vec<Segment>,
    slot_global: Option<u32>,
    /// Whether it exports [`SPLIT_READER`].
    reads_split: bool,
    imported_globals: u32,
    global_values: Vec<Option<u64>>,
}

enum Section<'a> {
    Raw(u8, &'a [u8]),
    Memory,
    DataCount,
    Data,
}

/// `template` with its index replaced by `index` (see the [module docs](self)).
pub fn patch(template: &[u8], index: &[u8]) -> Result<Vec<u8>, TemplateError> {
    let parsed = read(template)?;
    let slot = slot_address(&parsed)?;
    if !parsed.reads_split && matches!(Index::open(index), Err(IndexError::SplitRoot)) {
        return Err(TemplateError::NoSplitReader);
    }
    let memory = parsed
        .memory
        .ok_or_else(|| not_template("it has no memory of its own"))?;
    let old_index = read_slot(&parsed.segments, slot)?;

    let base = memory.initial * PAGE;
    let end = base + index.len() as u64;
    if index.len() > u32::MAX as usize || end > u64::from(u32::MAX) {
        return Err(TemplateError::TooLarge(index.len()));
    }
    let pages = end.div_ceil(PAGE).max(memory.initial);
    if memory.maximum.is_some_and(|max| max < pages) {
        return Err(not_template(
            "its memory has a maximum too small for the index",
        ));
    }

    let mut segments: Vec<Segment> = parsed
        .segments
        .into_iter()
        .flat_map(|segment| cut_out(segment, old_index.clone()))
        .collect();
    segments.push(Segment {
        address: base,
        bytes: index.to_vec(),
    });
    let mut slot_bytes = (base as u32).to_le_bytes().to_vec();
    slot_bytes.extend_from_slice(&(index.len() as u32).to_le_bytes());
    segments.push(Segment {
        address: slot,
        bytes: slot_bytes,
    });

    let mut module = wasm_encoder::Module::new();
    for section in &parsed.sections {
        match section {
            Section::Raw(id, data) => module.section(&RawSection { id: *id, data }),
            Section::Memory => module.section(&memory_section(memory, pages)),
            Section::DataCount => module.section(&DataCountSection {
                count: segments.len() as u32,
            }),
            Section::Data => module.section(&data_section(&segments)),
        };
    }
    let bytes = module.finish();
    Validator::new().validate_all(&bytes)?;
    Ok(bytes)
}

/// The index a template (or a bundle) holds: the bytes its slot points at.
pub fn embedded_index(module: &[u8]) -> Result<Vec<u8>, TemplateError> {
    let parsed = read(module)?;
    let slot = slot_address(&parsed)?;
    let range = read_slot(&parsed.segments, slot)?;
    let len = (range.end - range.start) as usize;
    let mut bytes = vec![0; len];
    copy_memory(&parsed.segments, range.start, &mut bytes);
    Ok(bytes)
}

fn not_template(why: &str) -> TemplateError {
    TemplateError::NotATemplate(why.to_string())
}

fn read(module: &[u8]) -> Result<Template<'_>, TemplateError> {
    Validator::new().validate_all(module)?;
    let mut parsed = Template::default();
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload?;
        let raw = payload.as_section();
        match payload {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if let TypeRef::Global(_) = import?.ty {
                        parsed.imported_globals += 1;
                    }
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    parsed.global_values.push(const_value(&global?.init_expr)?);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    if export.name == SLOT && export.kind == ExternalKind::Global {
                        parsed.slot_global = Some(export.index);
                    }
                    parsed.reads_split |= export.name == SPLIT_READER;
                }
            }
            Payload::MemorySection(reader) => {
                for memory in reader {
                    if parsed.memory.replace(memory?).is_some() {
                        return Err(not_template("it has more than one memory"));
                    }
                }
                parsed.sections.push(Section::Memory);
                continue;
            }
            Payload::DataCountSection { .. } => {
                parsed.sections.push(Section::DataCount);
                continue;
            }
            Payload::DataSection(reader) => {
                for data in reader {
                    parsed.segments.push(segment(data?)?);
                }
                parsed.sections.push(Section::Data);
                continue;
            }
            _ => {}
        }
        if let Some((id, range)) = raw {
            parsed.sections.push(Section::Raw(id, &module[range]));
        }
    }
    Ok(parsed)
}

/// An `i32.const` (or `i64.const`) expression's value; `None` for anything else.
fn const_value(expr: &wasmparser::ConstExpr<'_>) -> Result<Option<u64>, TemplateError> {
    let mut ops = expr.get_operators_reader();
    Ok(match ops.read()? {
        Operator::I32Const { value } => Some(u64::from(value as u32)),
        Operator::I64Const { value } => Some(value as u64),
        _ => None,
    })
}

fn segment(data: wasmparser::Data<'_>) -> Result<Segment, TemplateError> {
    let DataKind::Active {
        memory_index: 0,
        offset_expr,
    } = data.kind
    else {
        return Err(not_template(
            "it has a passive data segment or a second memory",
        ));
    };
    let address = const_value(&offset_expr)?
        .ok_or_else(|| not_template("a data segment's address is computed"))?;
    Ok(Segment {
        address,
        bytes: data.data.to_vec(),
    })
}

fn slot_address(parsed: &Template<'_>) -> Result<u64, TemplateError> {
    let global = parsed
        .slot_global
        .ok_or_else(|| not_template(&format!("it exports no `{SLOT}`")))?;
    global
        .checked_sub(parsed.imported_globals)
        .and_then(|i| parsed.global_values.get(i as usize).copied().flatten())
        .ok_or_else(|| not_template(&format!("`{SLOT}` is not a constant address")))
}

/// The memory range the slot at `slot` points at, as the data segments initialize it.
fn read_slot(segments: &[Segment], slot: u64) -> Result<Range<u64>, TemplateError> {
    let mut bytes = [0u8; 8];
    copy_memory(segments, slot, &mut bytes);
    let address = u64::from(u32::from_le_bytes(bytes[..4].try_into().unwrap()));
    let len = u64::from(u32::from_le_bytes(bytes[4..].try_into().unwrap()));
    Ok(address..address + len)
}

/// Fills `out` with the initial memory from `address` on (zero where no segment writes; later
/// segments over earlier ones, as instantiation does).
fn copy_memory(segments: &[Segment], address: u64, out: &mut [u8]) {
    let want = address..address + out.len() as u64;
    for segment in segments {
        let have = segment.address..segment.address + segment.bytes.len() as u64;
        let (start, end) = (want.start.max(have.start), want.end.min(have.end));
        if start < end {
            out[(start - address) as usize..(end - address) as usize].copy_from_slice(
                &segment.bytes[(start - have.start) as usize..(end - have.start) as usize],
            );
        }
    }
}

/// `segment` without the bytes of memory range `cut`: itself, or the pieces before and after.
fn cut_out(segment: Segment, cut: Range<u64>) -> Vec<Segment> {
    let end = segment.address + segment.bytes.len() as u64;
    if cut.is_empty() || cut.end <= segment.address || end <= cut.start {
        return vec![segment];
    }
    let mut pieces = Vec::new();
    if segment.address < cut.start {
        let len = (cut.start - segment.address) as usize;
        pieces.push(Segment {
            address: segment.address,
            bytes: segment.bytes[..len].to_vec(),
        });
    }
    if cut.end < end {
        let from = (cut.end - segment.address) as usize;
        pieces.push(Segment {
            address: cut.end,
            bytes: segment.bytes[from..].to_vec(),
        });
    }
    pieces
}

fn memory_section(memory: wasmparser::MemoryType, pages: u64) -> MemorySection {
    let mut section = MemorySection::new();
    section.memory(MemoryType {
        minimum: pages,
        maximum: memory.maximum,
        memory64: memory.memory64,
        shared: memory.shared,
        page_size_log2: memory.page_size_log2,
    });
    section
}

fn data_section(segments: &[Segment]) -> DataSection {
    let mut section = DataSection::new();
    for segment in segments {
        let offset = ConstExpr::i32_const(segment.address as u32 as i32);
        section.active(0, &offset, segment.bytes.iter().copied());
    }
    section
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal template: one memory page, the slot at address 16 pointing at a 5-byte
    /// "index" at 32, the slot's address exported as a global, as rustc and wasm-ld lay out a
    /// `#[no_mangle] static`.
    fn template() -> Vec<u8> {
        template_reading(false)
    }

    /// The minimal template, exporting [`SPLIT_READER`] if `split`.
    fn template_reading(split: bool) -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        let mut memories = MemorySection::new();
        memories.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        module.section(&memories);
        let mut globals = wasm_encoder::GlobalSection::new();
        globals.global(
            wasm_encoder::GlobalType {
                val_type: wasm_encoder::ValType::I32,
                mutable: false,
                shared: false,
            },
            &ConstExpr::i32_const(16),
        );
        module.section(&globals);
        let mut exports = wasm_encoder::ExportSection::new();
        exports.export(SLOT, wasm_encoder::ExportKind::Global, 0);
        if split {
            exports.export(SPLIT_READER, wasm_encoder::ExportKind::Global, 0);
        }
        module.section(&exports);
        module.section(&DataCountSection { count: 1 });
        let mut data = DataSection::new();
        let mut bytes = vec![0u8; 32];
        bytes[16..20].copy_from_slice(&32u32.to_le_bytes());
        bytes[20..24].copy_from_slice(&5u32.to_le_bytes());
        bytes.extend_from_slice(b"seeds");
        bytes.extend_from_slice(b"after");
        data.active(0, &ConstExpr::i32_const(0), bytes);
        module.section(&data);
        module.finish()
    }

    #[test]
    fn the_slot_points_at_the_new_index_and_the_old_one_is_gone() {
        let template = template();
        assert_eq!(embedded_index(&template).unwrap(), b"seeds");
        let index = vec![7u8; 70_000];
        let bundle = patch(&template, &index).unwrap();
        assert_eq!(embedded_index(&bundle).unwrap(), index);
        let parsed = read(&bundle).unwrap();
        // The first page, then the index from 64 KiB on: two pages more.
        assert_eq!(parsed.memory.unwrap().initial, 3);
        let mut old = [0u8; 10];
        copy_memory(&parsed.segments, 32, &mut old);
        assert_eq!(
            &old, b"\0\0\0\0\0after",
            "the seeds are cut out, what follows stays"
        );
        // Patching a bundle again replaces its index in turn.
        let again = patch(&bundle, b"x").unwrap();
        assert_eq!(embedded_index(&again).unwrap(), b"x");
        assert!(again.len() < bundle.len() - 60_000);
    }

    #[test]
    fn only_the_split_engine_takes_a_split_root() {
        let documents = crate::corpus::read_corpus(std::path::Path::new("../../seeds"))
            .unwrap()
            .documents;
        let split = sondhan_engine::index::build_split_index(&documents);
        let error = patch(&template_reading(false), &split.root).unwrap_err();
        assert!(matches!(error, TemplateError::NoSplitReader), "{error}");
        assert!(error.to_string().contains("--split-engine"), "{error}");
        let bundle = patch(&template_reading(true), &split.root).unwrap();
        assert_eq!(embedded_index(&bundle).unwrap(), split.root);
        // A one-file index goes into either.
        let whole = sondhan_engine::index::build_index(&documents);
        assert!(patch(&template_reading(false), &whole).is_ok());
        assert!(patch(&template_reading(true), &whole).is_ok());
    }

    #[test]
    fn modules_that_are_not_templates_are_refused_with_a_reason() {
        let mut module = wasm_encoder::Module::new();
        module.section(&MemorySection::new());
        let error = patch(&module.finish(), b"x").unwrap_err();
        assert!(
            error.to_string().contains("exports no `SONDHAN_INDEX`"),
            "{error}"
        );
    }
}
