using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Tests.Domain;

/// <summary>The admin's settings for automatic 催办/督办 and the 推诿/多次返工 flags: defaults and what is refused.</summary>
public sealed class ReminderSettingsTests
{
    [Fact]
    public void The_defaults_chase_on_yellow_and_orange_and_supervise_when_overdue_and_at_twice_the_limit()
    {
        var defaults = ReminderSettings.Defaults;
        Assert.Equal([0.5, 0.8], defaults.ChaseAt);
        Assert.Equal([1.0, 2.0], defaults.SuperviseAt);
        Assert.Empty(defaults.Validate());
    }

    [Fact]
    public void Turning_automatic_chasing_off_is_allowed() =>
        Assert.Empty((ReminderSettings.Defaults with { ChaseAt = [] }).Validate());

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(10.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_share_not_above_zero_or_beyond_ten_times_the_limit_is_refused(double share)
    {
        var error = Assert.Single((ReminderSettings.Defaults with { SuperviseAt = [1.0, share] }).Validate());
        Assert.Equal(("superviseAt[1]", "ReminderShareRange"), (error.Field, error.Code));
        Assert.Equal([10.0], error.Args);
    }

    [Fact]
    public void Ten_times_the_limit_is_the_furthest_a_reminder_may_wait() =>
        Assert.Empty((ReminderSettings.Defaults with { SuperviseAt = [1.0, 10.0] }).Validate());

    [Theory]
    [InlineData(0.8, 0.5)]
    [InlineData(0.5, 0.5)]
    public void Shares_that_do_not_increase_are_refused(double first, double second)
    {
        var error = Assert.Single((ReminderSettings.Defaults with { ChaseAt = [first, second] }).Validate());
        Assert.Equal(("chaseAt[1]", "ReminderShareOrder"), (error.Field, error.Code));
        Assert.Equal([first], error.Args);
    }

    [Fact]
    public void A_chase_after_the_deadline_is_allowed_as_the_12345_rule_has_it() =>
        Assert.Empty((ReminderSettings.Defaults with { ChaseAt = [0.5, 1.5] }).Validate());

    [Fact]
    public void More_than_five_levels_are_refused()
    {
        var error = Assert.Single((ReminderSettings.Defaults with { SuperviseAt = [1, 2, 3, 4, 5, 6] }).Validate());
        Assert.Equal(("superviseAt", "ReminderTooManyLevels"), (error.Field, error.Code));
        Assert.Equal([5, 6], error.Args);
    }

    [Fact]
    public void Flag_thresholds_out_of_range_are_refused()
    {
        var errors = (WorkflowSettings.Defaults with { ShirkingReturnsAbove = -1, MultipleReworkAtLeast = 0 }).Validate();
        Assert.Equal([("shirkingReturnsAbove", "OutOfRange"), ("multipleReworkAtLeast", "OutOfRange")], errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([1, 20], errors[1].Args);
        Assert.Single((WorkflowSettings.Defaults with { MultipleReworkAtLeast = 21 }).Validate());
        Assert.Empty((WorkflowSettings.Defaults with { ShirkingReturnsAbove = 0, MultipleReworkAtLeast = 20 }).Validate());
    }
}
