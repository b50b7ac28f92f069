using CsCheck;

namespace Rides.Edge.Tests.Fuzz;

/// <summary>
/// CsCheck generators of malformed values and payloads: wrong JSON types, missing and extra fields, huge numbers,
/// NaN-ish strings, lone surrogates, control characters, overlong strings, deep nesting, wrong ids, unknown enum
/// names. Every value generated for a field is one its documented rule refuses, so every case must be refused.
/// </summary>
public static class Defects
{
    /// <summary>Strings that are not text: lone or reversed surrogates.</summary>
    public static Gen<string> LoneSurrogates { get; } = Gen.OneOf(
        "\"x\\ud800\"", "\"\\udc00\"", "\"\\udc00\\ud800\"", "\"abc\\udbff\"", "\"\\ud800x\\ud800\"", "\"\\uDFFF\"");

    /// <summary>Strings with a control character that no field allows (tab and line breaks are allowed in free text).</summary>
    public static Gen<string> ControlChars { get; } = Gen.OneOf(
        "\"a\\u0000\"", "\"\\u0001b\"", "\"x\\u001by\"", "\"\\u007f\"", "\"ok\\u0085\"", "\"\\u009f\"", "\"\\u0008\"");

    /// <summary>Values that are not strings.</summary>
    public static Gen<string> NotStrings { get; } = Gen.OneOf(
        Gen.OneOf("42", "-0", "1e400", "true", "false", "[]", "{}", "[\"a\"]", "{\"a\":1}", "0.5"),
        Gen.Int[1, 50].Select(d => RawJson.Nested(d)));

    /// <summary>Strings a number field must refuse.</summary>
    public static Gen<string> NaNishStrings { get; } = Gen.OneOf(
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"12.5\"", "\"0x1A\"", "\"1e400\"", "\"\"", "\"\\u0661\"");

    /// <summary>Extra keys sent beside the defect: ignored, or at least harmless.</summary>
    public static Gen<(string Key, string Value)> ExtraField { get; } = Gen.Select(
        Gen.OneOf("\"__proto__\"", "\"constructor\"", "\"$type\"", "\"\"", "\"\\ud800\"", "\"x\\u0000\"", "\"ride_id2\"", "\"type\""),
        Gen.OneOf("null", "1", "\"x\"", "{\"$ref\":\"#\"}", "[1,2,3]", "\"\\udc00\""),
        (k, v) => (k, v));

    /// <summary>A value <paramref name="field"/> must refuse, as raw JSON, with what it is.</summary>
    public static Gen<(string Value, string What)> For(FuzzField field, bool foreignAllowed)
    {
        ArgumentNullException.ThrowIfNull(field);
        var gens = new List<Gen<(string, string)>>
        {
            Tag(LoneSurrogates, "lone surrogate"),
            Tag(ControlChars, "control character"),
        };
        if (field.Required)
        {
            gens.Add(Gen.Const(("null", "null for a required field")));
        }

        switch (field.Kind)
        {
            case FieldKind.Id:
                gens.Add(Tag(NotStrings, "not a string"));
                gens.Add(Tag(Overlong(64), "overlong id"));
                gens.Add(Tag(Gen.OneOf("\"\"", "\" \"", "\"../etc/passwd\"", "\"ride 1\"", "\"ride\\u00e9\"", "\"ride/1\"", "\"<b>\"", "\"ride\\u200b\"", "\"%00\"", "\"ride\\\"x\"", "\"\\ud83d\\ude00\"", "\"ride\\n\""), "not an id"));
                if (foreignAllowed && field.Foreign is { Count: > 0 } foreign)
                {
                    gens.Add(Tag(Gen.OneOf([.. foreign.Select(RawJson.Str)]), "foreign or unknown id"));
                }

                break;
            case FieldKind.Text:
                gens.Add(Tag(NotStrings, "not a string"));
                gens.Add(Tag(Overlong(field.MaxLength), "overlong text"));
                gens.Add(Tag(Gen.OneOf("\"\"", "\"   \"", "\"\\t\"", "\"\\n\\r\""), "blank"));
                break;
            case FieldKind.Number:
            case FieldKind.Integer:
            case FieldKind.Amount:
                gens.Add(Tag(NaNishStrings, "NaN-ish string"));
                gens.Add(Tag(Gen.OneOf("true", "[]", "{}", "[1]", RawJson.Nested(30)), "not a number"));
                gens.Add(Tag(OutOfRange(field), "out of range"));
                break;
            case FieldKind.Boolean:
                gens.Add(Tag(Gen.OneOf("\"true\"", "1", "0", "\"yes\"", "[]", "{}", "\"false\""), "not a boolean"));
                break;
            case FieldKind.Enum:
                gens.Add(Tag(NotStrings, "not a string"));
                gens.Add(Tag(Gen.OneOf([.. (field.Unknown ?? []).Select(RawJson.Str), "\"\"", "\"\\u0000\""]), "unknown name"));
                gens.Add(Tag(Overlong(field.MaxLength), "overlong name"));
                break;
            case FieldKind.Place:
                gens.Add(Tag(Gen.OneOf("\"x\"", "[]", "1", "true", "[1,2]"), "not an object"));
                gens.Add(Tag(field.Unknown is { Count: > 0 } objects ? Gen.OneOf([.. objects]) : PlaceDefect(), "bad object"));
                break;
            case FieldKind.MessageId:
                gens.Add(Tag(Gen.OneOf("\"1\\u0000\"", "\"0\"", "\"-1\"", "\"1.5\"", "\"\\uff11\"", "\"\\u0663\"", "\" 1\"", "\"1 \"", "\"\"", "\"99999999999999999999\"", "0", "-5", "1.5", "true", "[]", "{}", "1e400", "\"+1\""), "not a message id"));
                if (foreignAllowed)
                {
                    gens.Add(Tag(Gen.OneOf("999999", "\"999999\""), "unknown message id"));
                }

                break;
            case FieldKind.Phone:
                gens.Add(Tag(NotStrings, "not a string"));
                gens.Add(Tag(Gen.OneOf("\"abc\"", "\"123\"", "\"+\"", "\"+1234567890123456\"", "\"12345678a\"", "\"++12345678\"", "\"1234567\\u0661\""), "not a phone number"));
                break;
            case FieldKind.EventId:
                gens.Add(Tag(NotStrings, "not a string"));
                gens.Add(Tag(Gen.OneOf("\"garbage\"", "\"ride-status/ride_x/abc\"", "\"ride-status/ride_x/-1\"", "\"chat/ride_x/1\"", "\"ride-status//1\"", "\"ride-status/ride x/1\"", "\"ride-status/ride_x/99999999999999999999\""), "not an event id"));
                break;
            case FieldKind.Room:
                gens.Add(Tag(NotStrings, "not a string"));
                gens.Add(Tag(Gen.OneOf("\"booking:\"", "\"booking:../x\"", "\"Booking:x\"", "\"rooms:x\"", "\"booking\"", "\"\"", "\":x\"", "\"support:a b\"", "\"user:\\u00e9\""), "not a room"));
                if (foreignAllowed && field.Foreign is { Count: > 0 } rooms)
                {
                    gens.Add(Tag(Gen.OneOf([.. rooms.Select(RawJson.Str)]), "another user's room"));
                }

                break;
        }

        return Gen.OneOf([.. gens]);
    }

    /// <summary>
    /// A malformed payload for <paramref name="shape"/>: a defective field (sometimes two, sometimes with extra
    /// fields), a required field left out, or a payload that is not an object at all.
    /// </summary>
    public static Gen<(string Payload, string What)> Payload(FuzzShape shape, bool foreignAllowed, bool allowNonObject = true)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var gens = new List<(int, Gen<(string, string)>)>();
        if (allowNonObject)
        {
            gens.Add((1, Tag(Gen.OneOf("[]", "\"x\"", "42", "true", "null", "[{}]", "\"\\ud800\"", RawJson.Nested(20)), "not an object")));
        }

        if (shape.Fields.Count > 0)
        {
            var fieldDefect = Gen.Int[0, shape.Fields.Count - 1].SelectMany(i =>
                For(shape.Fields[i], foreignAllowed).Select(d => (Index: i, d.Value, d.What)));
            gens.Add((6, Gen.Select(fieldDefect, ExtraField.List[0, 2], (d, extras) =>
            {
                var payload = shape.Valid().Set(shape.Fields[d.Index].Name, d.Value);
                foreach (var (key, value) in extras)
                {
                    payload.AddRaw(key, value);
                }

                return (payload.ToString(), $"{shape.Fields[d.Index].Name}: {d.What}" + (extras.Count > 0 ? $" (+{extras.Count} extra)" : string.Empty));
            })));
            gens.Add((1, Gen.Select(fieldDefect, fieldDefect, (a, b) =>
            {
                var payload = shape.Valid().Set(shape.Fields[a.Index].Name, a.Value).Set(shape.Fields[b.Index].Name, b.Value);
                return (payload.ToString(), $"{shape.Fields[a.Index].Name}: {a.What}; {shape.Fields[b.Index].Name}: {b.What}");
            })));
            gens.Add((1, fieldDefect.Select(d =>
            {
                // The same key twice, both refused: a reader must not pick a third reading.
                var payload = shape.Valid().Set(shape.Fields[d.Index].Name, d.Value).AddRaw(RawJson.Str(shape.Fields[d.Index].Name), d.Value);
                return (payload.ToString(), $"{shape.Fields[d.Index].Name} twice: {d.What}");
            })));
        }

        var required = shape.Fields.Where(f => f.Required).ToList();
        if (required.Count > 0)
        {
            gens.Add((2, Gen.Int[0, required.Count - 1].Select(i => (shape.Valid().Remove(required[i].Name).ToString(), $"{required[i].Name} missing"))));
            gens.Add((1, Gen.Const((RemoveAll(shape, required), "every required field missing"))));
        }

        return Gen.Frequency([.. gens]);
    }

    private static string RemoveAll(FuzzShape shape, IEnumerable<FuzzField> fields)
    {
        var payload = shape.Valid();
        foreach (var field in fields)
        {
            payload.Remove(field.Name);
        }

        return payload.ToString();
    }

    private static Gen<string> Overlong(int max) => Gen.Frequency(
        (4, Gen.Int[max + 1, max + 40].Select(n => RawJson.Str(new string('a', n)))),
        (1, Gen.Const(RawJson.Str(new string('z', 20_000)))));

    private static Gen<string> OutOfRange(FuzzField field)
    {
        var list = new List<string> { "1e400", "-1e400", "1e308", "-1e308", "9223372036854775808", "-9223372036854775809" };
        if (field.Kind is FieldKind.Integer)
        {
            list.AddRange(["2.5", "1e3", "1.0"]);
            if (field.Min > long.MinValue)
            {
                list.Add(RawJson.Int((long)field.Min - 1));
            }

            if (field.Max < 9e18)
            {
                list.Add(RawJson.Int((long)field.Max + 1));
            }
        }
        else
        {
            list.Add(RawJson.Num(field.Max + 0.5));
            list.Add(RawJson.Num(field.Min - 0.5));
            list.Add(RawJson.Num(field.Max * 10 + 1));
            if (field.Kind is FieldKind.Amount)
            {
                list.AddRange(["0.001", "12.345", "0"]);
            }
        }

        return Gen.OneOf([.. list]);
    }

    private static Gen<string> PlaceDefect()
    {
        var latitude = Gen.OneOf("91", "-90.5", "\"37.7\"", "1e400", "null", "\"NaN\"", "[]");
        return Gen.OneOf(
            latitude.Select(l => $"{{\"latitude\":{l},\"longitude\":10}}"),
            Gen.Const("{\"longitude\":10}"),
            Gen.Const("{\"latitude\":10}"),
            Gen.OneOf("181", "-180.01", "true").Select(l => $"{{\"latitude\":10,\"longitude\":{l}}}"),
            Gen.OneOf("\"\\ud800\"", "\"a\\u0000\"", "42", RawJson.Str(new string('a', 201)), "\"  \"").Select(a => $"{{\"latitude\":10,\"longitude\":10,\"address\":{a}}}"));
    }

    private static Gen<(string, string)> Tag(Gen<string> gen, string what) => gen.Select(v => (v, what));
}
