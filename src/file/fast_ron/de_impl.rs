//! The fast reader as a serde `Deserializer`: the same visitor calls ron's makes, for every
//! shape serde's derive asks for; anything else is declined.

use super::reader::Reader;
use super::{Declined, Result};
use serde::de::{self, DeserializeSeed, Visitor};
use std::fmt;

macro_rules! integers {
    ($($method:ident => $visit:ident: $ty:ty,)*) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                let n: $ty = self.int()?;
                visitor.$visit(n)
            }
        )*
    };
}

macro_rules! declined {
    ($($method:ident($($arg:ty),*),)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $(_: $arg,)* _: V) -> Result<V::Value> {
                Err(Declined)
            }
        )*
    };
}

impl<'de> Reader<'de> {
    /// The fields of a struct between its brackets, from after its `(` to its `)`.
    fn struct_body<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.enter()?;
        let value = visitor.visit_map(Items::new(self, b')', Keys::Identifiers))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b')')?;
        Ok(value)
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Declined;

    // ron guesses the type from the text here (untagged and internally tagged enums,
    // flattened structs, ignored fields): its rules are too many to copy.
    declined! {
        deserialize_any(),
        deserialize_ignored_any(),
        deserialize_bytes(),
        deserialize_byte_buf(),
    }

    integers! {
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.consume_ident("true")? {
            visitor.visit_bool(true)
        } else if self.consume_ident("false")? {
            visitor.visit_bool(false)
        } else {
            Err(Declined)
        }
    }

    #[inline]
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let v: f32 = self.float_text()?.parse().map_err(|_| Declined)?;
        visitor.visit_f32(v)
    }

    #[inline]
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let v: f64 = self.float_text()?.parse().map_err(|_| Declined)?;
        visitor.visit_f64(v)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_char(self.char()?)
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_text(visitor)
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_text(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.consume_ident("None")? {
            visitor.visit_none()
        } else if self.consume_ident("Some")? {
            self.skip_ws()?;
            // ron reads `Some` without a `(` as a value with `implicit_some`: declined.
            self.expect(b'(')?;
            self.skip_ws()?;
            self.enter()?;
            let value = visitor.visit_some(&mut *self)?;
            self.leave();
            self.comma()?;
            self.expect(b')')?;
            Ok(value)
        } else if self.implicit_some {
            self.enter()?;
            let value = visitor.visit_some(&mut *self)?;
            self.leave();
            Ok(value)
        } else {
            Err(Declined)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.rest().starts_with(b"()") {
            self.pos += 2;
            visitor.visit_unit()
        } else {
            Err(Declined)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name == "RangeFull" {
            return Err(Declined);
        }
        if self.struct_name(name)? {
            visitor.visit_unit()
        } else {
            self.deserialize_unit(visitor)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name.starts_with("$ron::") {
            // ron's raw values.
            return Err(Declined);
        }
        self.struct_name(name)?;
        self.skip_ws()?;
        self.expect(b'(')?;
        self.skip_ws()?;
        self.enter()?;
        let value = visitor.visit_newtype_struct(&mut *self)?;
        self.leave();
        self.comma()?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let value = visitor.visit_seq(Items::new(self, b']', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.enter()?;
        let value = visitor.visit_seq(Items::new(self, b')', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.struct_name(name)?;
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // A flattened struct (its visitor expects "struct …"): ron reads its keys as strings.
        struct Expecting<'a, V>(&'a V);
        impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.expecting(f)
            }
        }
        if Expecting(&visitor).to_string().starts_with("struct ") {
            return Err(Declined);
        }
        self.expect(b'{')?;
        self.enter()?;
        let value = visitor.visit_map(Items::new(self, b'}', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // ron reads ranges (`1..3`) in their own way.
        if matches!(
            name,
            "Range" | "RangeInclusive" | "RangeFrom" | "RangeTo" | "RangeToInclusive"
        ) {
            return Err(Declined);
        }
        self.struct_name(name)?;
        self.skip_ws()?;
        self.struct_body(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_enum(Enum(&mut *self))?;
        self.leave();
        Ok(value)
    }

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }
}

/// How the keys of a bracketed list of entries are read.
#[derive(Clone, Copy)]
enum Keys {
    /// A struct's field names.
    Identifiers,
    /// Any value (a map's keys; unused for sequences and tuples).
    Values,
}

/// The entries of a sequence, tuple, struct or map, as ron's `CommaSeparated`.
struct Items<'a, 'de> {
    de: &'a mut Reader<'de>,
    close: u8,
    keys: Keys,
    had_comma: bool,
}

impl<'a, 'de> Items<'a, 'de> {
    fn new(de: &'a mut Reader<'de>, close: u8, keys: Keys) -> Self {
        Items {
            de,
            close,
            keys,
            had_comma: true,
        }
    }

    #[inline]
    fn has_element(&mut self) -> Result<bool> {
        self.de.skip_ws()?;
        let at_close = self.de.peek() == Some(self.close);
        match (self.had_comma, at_close) {
            (true, at_close) => Ok(!at_close),
            (false, true) => Ok(false),
            (false, false) => Err(Declined),
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Declined;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        self.de.enter()?;
        let value = seed.deserialize(&mut *self.de)?;
        self.de.leave();
        self.had_comma = self.de.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Declined;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        self.de.enter()?;
        let key = match self.keys {
            Keys::Identifiers => seed.deserialize(Key(&mut *self.de))?,
            Keys::Values => seed.deserialize(&mut *self.de)?,
        };
        self.de.leave();
        Ok(Some(key))
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.de.skip_ws()?;
        self.de.expect(b':')?;
        self.de.skip_ws()?;
        self.de.enter()?;
        let value = seed.deserialize(&mut *self.de)?;
        self.de.leave();
        self.had_comma = self.de.comma()?;
        Ok(value)
    }
}

/// A struct's field name, as ron's `id::Deserializer`: an identifier, whatever is asked.
struct Key<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Declined;

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.0.identifier()?)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_identifier(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_identifier(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_identifier(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_identifier(visitor)
    }

    declined! {
        deserialize_bool(),
        deserialize_i8(),
        deserialize_i16(),
        deserialize_i32(),
        deserialize_i64(),
        deserialize_u8(),
        deserialize_u16(),
        deserialize_u32(),
        deserialize_u64(),
        deserialize_f32(),
        deserialize_f64(),
        deserialize_char(),
        deserialize_bytes(),
        deserialize_byte_buf(),
        deserialize_option(),
        deserialize_unit(),
        deserialize_unit_struct(&'static str),
        deserialize_newtype_struct(&'static str),
        deserialize_seq(),
        deserialize_tuple(usize),
        deserialize_tuple_struct(&'static str, usize),
        deserialize_map(),
        deserialize_struct(&'static str, &'static [&'static str]),
        deserialize_enum(&'static str, &'static [&'static str]),
    }
}

/// An enum's variant, as ron's `Enum`.
struct Enum<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::EnumAccess<'de> for Enum<'_, 'de> {
    type Error = Declined;
    type Variant = Self;

    #[inline]
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        self.0.skip_ws()?;
        self.0.enter()?;
        let value = seed.deserialize(&mut *self.0)?;
        self.0.leave();
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = Declined;

    #[inline]
    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        let de = self.0;
        de.skip_ws()?;
        de.expect(b'(')?;
        de.skip_ws()?;
        de.enter()?;
        let value = seed.deserialize(&mut *de)?;
        de.leave();
        de.comma()?;
        de.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        self.0.skip_ws()?;
        de::Deserializer::deserialize_tuple(self.0, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.0.skip_ws()?;
        self.0.struct_body(visitor)
    }
}
