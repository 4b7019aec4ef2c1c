using CommandCenter.Domain.Intake;

namespace CommandCenter.Tests.Domain;

/// <summary>The extra questions of a few categories (Open311 <c>attribute[code]</c>) and how their answers are checked.</summary>
public sealed class ServiceAttributesTests
{
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Answers(params (string Code, string[] Values)[] answers) =>
        answers.ToDictionary(a => a.Code, a => (IReadOnlyList<string>)a.Values);

    [Fact]
    public void Garbage_vendors_noise_and_manhole_covers_ask_questions_other_categories_do_not()
    {
        Assert.Equal(["pile_size"], ServiceAttributes.For("20102").Select(a => a.Code));
        Assert.Equal(["vendor_mobile", "stall_count"], ServiceAttributes.For("20501").Select(a => a.Code));
        Assert.Equal(["cover_condition", "landmark"], ServiceAttributes.For("10101").Select(a => a.Code));
        Assert.True(ServiceAttributes.HasAny("20301"));
        Assert.False(ServiceAttributes.HasAny("20201")); // 非法小广告
        Assert.Empty(ServiceAttributes.For("20201"));
        Assert.Equal("attribute[pile_size]", ServiceAttributes.For("20102")[0].Field);
    }

    [Fact]
    public void A_valid_answer_is_accepted_trimmed()
    {
        var errors = ServiceAttributes.Check("20501", Answers(("vendor_mobile", [" mobile "]), ("stall_count", ["3"])), out var accepted);
        Assert.Empty(errors);
        Assert.Equal(["mobile"], accepted["vendor_mobile"]);
        Assert.Equal(["3"], accepted["stall_count"]);
    }

    [Fact]
    public void A_required_answer_missing_or_blank_is_refused()
    {
        var missing = Assert.Single(ServiceAttributes.Check("20102", Answers(), out _));
        Assert.Equal(("attribute[pile_size]", "AttributeRequired", "pile_size"), (missing.Field, missing.Code, (string)missing.Args[0]!));
        var blank = ServiceAttributes.Check("20102", Answers(("pile_size", ["  "])), out _);
        Assert.Equal("AttributeRequired", Assert.Single(blank).Code);
        Assert.Empty(ServiceAttributes.Check("20102", Answers(), out _, requireAnswers: false)); // an operator taking a call
        Assert.Equal("AttributeValueUnknown", Assert.Single(ServiceAttributes.Check("20102", Answers(("pile_size", ["huge"])), out _, requireAnswers: false)).Code);
    }

    [Fact]
    public void A_value_outside_the_list_an_unknown_attribute_and_two_values_for_a_single_list_are_refused()
    {
        var errors = ServiceAttributes.Check("20102", Answers(("pile_size", ["huge"]), ("colour", ["red"])), out var accepted);
        Assert.Equal(["attribute[colour]:AttributeUnknown", "attribute[pile_size]:AttributeValueUnknown"],
            errors.Select(e => $"{e.Field}:{e.Code}").Order(StringComparer.Ordinal));
        Assert.Equal("small, medium, large", errors.Single(e => e.Code == "AttributeValueUnknown").Args[2]);
        Assert.Empty(accepted);
        Assert.Equal("AttributeOneValue", Assert.Single(ServiceAttributes.Check("20102", Answers(("pile_size", ["small", "large"])), out _)).Code);
    }

    [Fact]
    public void Numbers_and_times_must_parse_and_a_multi_value_list_takes_several_known_values()
    {
        Assert.Equal("AttributeNotNumber", Assert.Single(ServiceAttributes.Check("20501", Answers(("vendor_mobile", ["fixed"]), ("stall_count", ["three"])), out _)).Code);
        Assert.Equal("AttributeNotDatetime", Assert.Single(ServiceAttributes.Check("20301", Answers(("noise_heard_at", ["last night"])), out _)).Code);
        var errors = ServiceAttributes.Check("20301",
            Answers(("noise_heard_at", ["2026-12-01T22:30:00+08:00"]), ("noise_kinds", ["machinery", "vehicles", "machinery"])), out var accepted);
        Assert.Empty(errors);
        Assert.Equal(["machinery", "vehicles"], accepted["noise_kinds"]);
        Assert.Equal("AttributeValueUnknown", Assert.Single(ServiceAttributes.Check("20301", Answers(("noise_kinds", ["machinery", "music"])), out _)).Code);
    }

    [Fact]
    public void A_free_text_answer_longer_than_its_limit_is_refused()
    {
        var error = Assert.Single(ServiceAttributes.Check("10101", Answers(("cover_condition", ["missing"]), ("landmark", [new string('路', 101)])), out _));
        Assert.Equal(("attribute[landmark]", "TooLong", 100), (error.Field, error.Code, (int)error.Args[0]!));
    }
}
