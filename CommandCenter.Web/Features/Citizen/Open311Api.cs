using System.Globalization;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Intake;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2</c>, every resource as <c>.json</c> and <c>.xml</c>: discovery, services and
/// their definitions (the categories and their questions), requests (POST with an api_key; GET with the standard
/// filters), one request, and tokens. <c>service_request_id</c> is the case number. Errors are the specification's
/// list of <c>{code, description}</c> (XML <c>&lt;errors&gt;</c>) with 400, 403 or 404.
/// </summary>
public static partial class Open311Api
{
    public const string Prefix = "/open311/v2";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    /// <summary>When this endpoint's behaviour last changed (discovery <c>changeset</c>).</summary>
    public const string Changeset = "2026-12-02T00:00:00+08:00";
    public const int MaxIds = 200;

    // How our refusals' field names read in the specification's parameters.
    private static readonly Dictionary<string, string> SpecFields = new(StringComparer.Ordinal)
    {
        ["lon"] = "long", ["category"] = "service_code", ["address"] = "address_string", ["streetId"] = "address_id",
        ["deviceId"] = "device_id", ["accountId"] = "account_id", ["mediaUrl"] = "media_url", ["name"] = "first_name",
    };

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Open311");
        api.MapGet("/discovery.{format}", Discovery);
        api.MapGet("/services.{format}", Services);
        api.MapGet("/services/{code}.{format}", Definition);
        api.MapGet("/requests.{format}", Search);
        api.MapPost("/requests.{format}", Post).DisableAntiforgery();
        api.MapGet("/requests/{id}.{format}", Single);
        api.MapGet("/tokens/{token}.{format}", Token);
        return app;
    }

    private static IResult Discovery(string format, HttpContext http, IStringLocalizer<SharedResource> l, IHostEnvironment env, Messages messages)
    {
        if (!TryFormat(format, out var f))
        {
            return FormatUnknown(format, messages);
        }
        return new GeoReportWriter(new GeoReportObject("discovery",
            ("changeset", Changeset), ("contact", l["Open311Contact"].Value), ("key_service", l["Open311KeyService"].Value),
            ("endpoints", new GeoReportList("endpoints",
            [
                new GeoReportObject("endpoint",
                    ("specification", Specification), ("url", BaseUrl(http) + Prefix), ("changeset", Changeset),
                    ("type", env.IsProduction() ? "production" : "test"),
                    ("formats", new GeoReportList("formats", ["text/xml", "application/json"], "format"))),
            ]))), f);
    }

    private static async Task<IResult> Services(string format, HttpContext http, CaseRulesProvider rules, IStringLocalizer<SharedResource> l,
        Messages messages, IOptions<CitizenOptions> options, CancellationToken ct)
    {
        if (!TryFormat(format, out var f))
        {
            return FormatUnknown(format, messages);
        }
        if (Jurisdiction(http.Request.Query["jurisdiction_id"], options.Value, f, messages) is { } refused)
        {
            return refused;
        }
        var snapshot = await rules.CurrentAsync(ct);
        var services = snapshot.Categories.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => (object?)new GeoReportObject("service",
            ("service_code", c.Code), ("service_name", c.DisplayName), ("description", ServiceDescription(c, l)),
            ("metadata", ServiceAttributes.HasAny(c.Code)), ("type", "realtime"),
            ("keywords", string.Join(", ", l.Kind(c), l.Group(c), c.Code)), ("group", l.Group(c)))).ToList();
        return new GeoReportWriter(new GeoReportList("services", services), f);
    }

    private static async Task<IResult> Definition(string code, string format, HttpContext http, CaseRulesProvider rules, IStringLocalizer<SharedResource> l,
        Messages messages, IOptions<CitizenOptions> options, CancellationToken ct)
    {
        if (!TryFormat(format, out var f))
        {
            return FormatUnknown(format, messages);
        }
        if (Jurisdiction(http.Request.Query["jurisdiction_id"], options.Value, f, messages) is { } refused)
        {
            return refused;
        }
        if (!(await rules.CurrentAsync(ct)).Categories.ContainsKey(code))
        {
            return Errors(f, StatusCodes.Status404NotFound, messages.Text("ServiceUnknown", code));
        }
        var attributes = ServiceAttributes.For(code).Select(a => (object?)new GeoReportObject("attribute",
            ("variable", true), ("code", a.Code), ("datatype", DataType(a.Type)), ("required", a.Required),
            ("datatype_description", DataTypeDescription(a, l)), ("order", a.Order), ("description", l[$"Attr_{a.Code}"].Value),
            ("values", new GeoReportList("values", a.Values.Select(v => (object?)new GeoReportObject("value",
                ("key", v), ("name", l[$"Attr_{a.Code}_{v}"].Value))).ToList())))).ToList();
        return new GeoReportWriter(new GeoReportObject("service_definition",
            ("service_code", code), ("attributes", new GeoReportList("attributes", attributes))), f);
    }

    private static async Task<IResult> Search(string format, HttpContext http, PublicCases cases, CaseRulesProvider rules, CityClock clock,
        IStringLocalizer<SharedResource> l, Messages messages, IOptions<CitizenOptions> options, CancellationToken ct)
    {
        if (!TryFormat(format, out var f))
        {
            return FormatUnknown(format, messages);
        }
        var q = http.Request.Query;
        if (Jurisdiction(q["jurisdiction_id"], options.Value, f, messages) is { } refused)
        {
            return refused;
        }
        var errors = new List<string>();
        var numbers = List(q["service_request_id"]);
        if (numbers.Count > MaxIds)
        {
            errors.Add($"service_request_id: {messages.Text("TooManyIds", MaxIds)}");
        }
        else if (numbers.Any(n => n.Any(char.IsControl)))
        {
            errors.Add($"service_request_id: {messages.Text("ControlCharacter")}");
        }
        var codes = List(q["service_code"]);
        var known = (await rules.CurrentAsync(ct)).Categories;
        if (numbers.Count == 0 && codes.FirstOrDefault(c => !known.ContainsKey(c)) is { } unknown)
        {
            return Errors(f, StatusCodes.Status404NotFound, messages.Text("ServiceUnknown", unknown));
        }
        DateTimeOffset? Date(string name)
        {
            var text = q[name].ToString();
            if (text.Length == 0)
            {
                return null;
            }
            if (clock.TryParseInstant(text, out var instant))
            {
                return instant;
            }
            errors.Add($"{name}: {messages.Text("Open311DateFormat")}");
            return null;
        }
        var (start, end) = (Date("start_date"), Date("end_date"));
        var window = RequestWindow.Resolve(start, end, clock.UtcNow, out var windowError);
        if (windowError is not null && errors.Count == 0)
        {
            errors.Add($"{windowError.Field}: {messages.Text(windowError)}");
        }
        bool? open = null;
        var statuses = List(q["status"]);
        if (statuses.Any(s => s is not ("open" or "closed")))
        {
            errors.Add($"status: {messages.Text("StatusOpenClosed")}");
        }
        else if (statuses.Distinct().Count() == 1)
        {
            open = statuses[0] == "open";
        }
        var page = Number(q["page"], 1, 1, 100_000, "page", errors, messages);
        var pageSize = Number(q["page_size"], Open311Query.MaxPageSize, 1, Open311Query.MaxPageSize, "page_size", errors, messages);
        if (errors.Count > 0)
        {
            return Errors(f, StatusCodes.Status400BadRequest, [.. errors]);
        }
        var found = await cases.SearchAsync(new Open311Query(numbers, codes, window!, open, page, pageSize), ct);
        return new GeoReportWriter(new GeoReportList("service_requests", found.Select(c => (object?)Request(c, http, clock, l)).ToList()), f);
    }

    private static async Task<IResult> Single(string id, string format, HttpContext http, PublicCases cases, CityClock clock,
        IStringLocalizer<SharedResource> l, Messages messages, IOptions<CitizenOptions> options, CancellationToken ct)
    {
        if (!TryFormat(format, out var f))
        {
            return FormatUnknown(format, messages);
        }
        if (Jurisdiction(http.Request.Query["jurisdiction_id"], options.Value, f, messages) is { } refused)
        {
            return refused;
        }
        return await cases.ByNumberAsync(id, ct) is { } c
            ? new GeoReportWriter(new GeoReportList("service_requests", [Request(c, http, clock, l)]), f)
            : Errors(f, StatusCodes.Status404NotFound, messages.Text("ServiceRequestUnknown", id));
    }

    private static async Task<IResult> Token(string token, string format, HttpContext http, PublicCases cases, Messages messages,
        IOptions<CitizenOptions> options, CancellationToken ct)
    {
        if (!TryFormat(format, out var f))
        {
            return FormatUnknown(format, messages);
        }
        if (Jurisdiction(http.Request.Query["jurisdiction_id"], options.Value, f, messages) is { } refused)
        {
            return refused;
        }
        return token.Length <= 64 && await cases.NumberOfTokenAsync(token, ct) is { } number
            ? new GeoReportWriter(new GeoReportList("service_requests",
                [new GeoReportObject("request", ("service_request_id", number), ("token", token))]), f)
            : Errors(f, StatusCodes.Status404NotFound, messages.Text("TokenUnknown", token));
    }

    private static async Task<IResult> Post(string format, HttpContext http, Open311Keys keys, CitizenIntake intake, CaseRulesProvider rules,
        IStringLocalizer<SharedResource> l, Messages messages, IOptions<CitizenOptions> options, CancellationToken ct)
    {
        if (!TryFormat(format, out var f))
        {
            return FormatUnknown(format, messages);
        }
        IFormCollection? form;
        try
        {
            form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            // ASP.NET refuses a form with a NUL in it (or a truncated one) while reading it.
            return Errors(f, StatusCodes.Status400BadRequest, $"body: {messages.Text("BodyUnreadable")}");
        }
        string? Value(string name) => form?[name].ToString() is { Length: > 0 } v ? v : http.Request.Query[name].ToString() is { Length: > 0 } qv ? qv : null;

        if (Jurisdiction(Value("jurisdiction_id"), options.Value, f, messages) is { } refused)
        {
            return refused;
        }
        if (Value("api_key") is not { } apiKey)
        {
            return Errors(f, StatusCodes.Status403Forbidden, $"api_key: {messages.Text("ApiKeyMissing")}");
        }
        if (await keys.VerifyAsync(apiKey, ct) is not { } key)
        {
            return Errors(f, StatusCodes.Status403Forbidden, $"api_key: {messages.Text("ApiKeyInvalid")}");
        }
        if (Value("service_code") is not { } code)
        {
            return Errors(f, StatusCodes.Status400BadRequest, $"service_code: {messages.Text("Required")}");
        }
        if (!(await rules.CurrentAsync(ct)).Categories.ContainsKey(code))
        {
            return Errors(f, StatusCodes.Status404NotFound, messages.Text("ServiceUnknown", code));
        }
        var errors = new List<string>();
        double? Coordinate(string name, string errorCode)
        {
            if (Value(name) is not { } text)
            {
                return null;
            }
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                return v;
            }
            errors.Add($"{name}: {messages.Text(errorCode)}");
            return null;
        }
        var (lat, lon) = (Coordinate("lat", "LatInvalid"), Coordinate("long", "LonInvalid"));
        if (errors.Count > 0)
        {
            return Errors(f, StatusCodes.Status400BadRequest, [.. errors]);
        }
        var name = string.Join(' ', new[] { Value("first_name"), Value("last_name") }.Where(n => n is not null));
        var result = await intake.SubmitAsync(new CitizenReport
        {
            Source = CaseSource.Open311, Actor = CitizenIntake.Open311Client(key), Category = code, Lon = lon, Lat = lat,
            Address = Value("address_string"), StreetId = lat is null && lon is null ? Value("address_id") : null,
            Description = Value("description"), Attributes = Attributes(form, http.Request.Query),
            Name = name.Length > 0 ? name : null, Phone = Value("phone"), Email = Value("email"), DeviceId = Value("device_id"),
            AccountId = Value("account_id"), MediaUrl = Value("media_url"), ClientAddress = ClientAddress.Of(http), ApiKeyId = key.Id,
        }, ct);
        if (!result.Succeeded)
        {
            return Refused(result.Refused!, f, messages);
        }
        return new GeoReportWriter(new GeoReportList("service_requests",
        [
            new GeoReportObject("request", ("service_request_id", result.Case!.Number), ("service_notice", l["Open311ServiceNotice"].Value),
                ("account_id", Value("account_id")), ("token", result.Token)),
        ]), f, StatusCodes.Status201Created);
    }

    /// <summary>One <c>request</c> element of GET requests: status, notes in plain words, department, deadline, media.</summary>
    private static GeoReportObject Request(PublicCase c, HttpContext http, CityClock clock, IStringLocalizer<SharedResource> l)
    {
        var media = c.AfterPhotoId is not null ? $"{BaseUrl(http)}{PublicIntakeApi.AfterPhotoPath(c.Number)}" : c.SubmittedMediaUrl;
        return new GeoReportObject("request",
            ("service_request_id", c.Number), ("status", c.Open ? "open" : "closed"), ("status_notes", l.PublicNotes(c)),
            ("service_name", c.CategoryName), ("service_code", c.CategoryCode), ("description", c.Description),
            ("agency_responsible", c.DepartmentName), ("service_notice", null),
            ("requested_datetime", Local(c.ReportedAt, clock)), ("updated_datetime", Local(c.UpdatedAt, clock)),
            ("expected_datetime", c.Deadline is { } d ? Local(d, clock) : null), ("address", c.Address), ("address_id", c.StreetId),
            ("zipcode", null), ("lat", c.Lat), ("long", c.Lon), ("media_url", media));
    }

    private static DateTimeOffset Local(DateTimeOffset instant, CityClock clock) => TimeZoneInfo.ConvertTime(instant, clock.Zone);

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    /// <summary><c>attribute[code]=value</c>, and <c>attribute[code][]=value</c> repeated for multi-value lists.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Attributes(IFormCollection? form, IQueryCollection query)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pairs = (form?.AsEnumerable() ?? []).Concat(form is null ? query.AsEnumerable() : []);
        foreach (var (key, values) in pairs)
        {
            if (AttributeKey().Match(key) is { Success: true } m)
            {
                var code = m.Groups[1].Value;
                if (!answers.TryGetValue(code, out var list))
                {
                    answers[code] = list = [];
                }
                list.AddRange(values.Where(v => v is not null).Select(v => v!));
            }
        }
        return answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal);
    }

    private static IResult Refused(Refusal refusal, GeoReportFormat f, Messages messages)
    {
        if (refusal.Fields.Count > 0)
        {
            return Errors(f, StatusCodes.Status400BadRequest,
                [.. refusal.Fields.Select(e => $"{SpecFields.GetValueOrDefault(e.Field, e.Field)}: {messages.Text(e)}")]);
        }
        var status = refusal.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound ? refusal.Status : StatusCodes.Status400BadRequest;
        return Errors(f, status, messages.Text(refusal.Code, refusal.Args));
    }

    private static IResult? Jurisdiction(string? asked, CitizenOptions options, GeoReportFormat f, Messages messages) =>
        string.IsNullOrEmpty(asked) || asked == options.JurisdictionId
            ? null
            : Errors(f, StatusCodes.Status404NotFound, $"jurisdiction_id: {messages.Text("JurisdictionUnknown", asked)}");

    /// <summary>The specification's error list with one entry per problem, all with the HTTP status as their code.</summary>
    public static IResult Errors(GeoReportFormat f, int status, params string[] descriptions) =>
        new GeoReportWriter(new GeoReportList("errors", descriptions.Select(d => (object?)new GeoReportObject("error", ("code", status), ("description", d))).ToList()),
            f, status);

    private static bool TryFormat(string format, out GeoReportFormat f)
    {
        f = format == "xml" ? GeoReportFormat.Xml : GeoReportFormat.Json;
        return format is "json" or "xml";
    }

    private static IResult FormatUnknown(string format, Messages messages) =>
        Errors(GeoReportFormat.Json, StatusCodes.Status404NotFound, messages.Text("Open311FormatUnknown", format));

    private static List<string> List(string? commaSeparated) =>
        (commaSeparated ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private static int Number(string? text, int fallback, int min, int max, string name, List<string> errors, Messages messages)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        errors.Add($"{name}: {messages.Text("OutOfRange", min, max)}");
        return fallback;
    }

    private static string DataType(ServiceAttributeType type) => type.ToString().ToLowerInvariant();

    private static string? DataTypeDescription(ServiceAttribute a, IStringLocalizer<SharedResource> l) => a.Type switch
    {
        ServiceAttributeType.Number => l["Open311DatatypeNumber"].Value,
        ServiceAttributeType.Datetime => l["Open311DatatypeDatetime"].Value,
        ServiceAttributeType.MultiValueList => l["Open311DatatypeMulti"].Value,
        _ => null,
    };

    private static string ServiceDescription(CategoryInfo c, IStringLocalizer<SharedResource> l) =>
        string.Format(CultureInfo.CurrentCulture, l["Open311ServiceDescription"].Value, c.DisplayName, l.Group(c));

    [GeneratedRegex(@"^attribute\[([^\[\]]{1,64})\](\[\])?$")]
    private static partial Regex AttributeKey();
}
