using LiveGrid.Grains.Territory;
using static LiveGrid.Grains.Tests.Territory.TerritoryFixtures;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class StaffingRuleTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(200, 2)]
    [InlineData(201, 3)]
    public void One_worker_per_hundred_households_rounded_up(int households, int required)
    {
        StaffingRule.Default.RequiredWorkers(households).Should().Be(required);
    }

    [Fact]
    public void A_grid_with_no_households_is_never_understaffed()
    {
        StaffingRule.Default.Check(Grid("110105001002001", households: 0, staff: Staff(1))).Should().BeNull();
    }

    [Fact]
    public void Exactly_one_hundred_households_need_only_the_leader_and_one_more_household_needs_a_second_worker()
    {
        StaffingRule.Default.Check(Grid("110105001002001", households: 100, staff: Staff(1))).Should().BeNull();
        StaffingRule.Default.Check(Grid("110105001002001", households: 101, staff: Staff(1)))
            .Should().Be(new StaffingShortfall(GridCode.Parse("110105001002001"), 101, 2, 1));
    }

    [Fact]
    public void Backups_and_a_worker_listed_twice_do_not_count_as_extra_workers()
    {
        var staff = new GridStaff(
            new StaffPost("张伟", backupWorkerId: "李娜"),
            [new StaffPost("张伟", backupWorkerId: "王芳"), new StaffPost("刘洋")]);

        staff.WorkerCount.Should().Be(2);
        staff.Members[1].HasBackup.Should().BeFalse();
        StaffingRule.Default.Check(Grid("110105001002001", households: 250, staff: staff))!.Shortfall.Should().Be(1);
    }

    [Fact]
    public void A_post_cannot_be_its_own_backup()
    {
        var post = () => new StaffPost("张伟", "张伟");

        post.Should().Throw<ArgumentException>().WithMessage("Post of 张伟: the backup must be another worker.*");
    }

    [Fact]
    public void A_stricter_rule_flags_more()
    {
        var rule = new StaffingRule(householdsPerWorker: 50);

        rule.Check(Grid("110105001002001", households: 100, staff: Staff(1)))!.Shortfall.Should().Be(1);
    }

    [Theory]
    [InlineData(CompoundKind.SelfManaged, "自管小区")]
    [InlineData(CompoundKind.PropertyManaged, "物管小区")]
    [InlineData(CompoundKind.WorkUnit, "单位小区")]
    [InlineData(CompoundKind.Scattered, "散居民区")]
    public void Compound_kinds_have_their_chinese_names_both_ways(CompoundKind kind, string chinese)
    {
        kind.ToChinese().Should().Be(chinese);
        CompoundKindNames.TryParseCompoundKind(chinese, out var parsed).Should().BeTrue();
        parsed.Should().Be(kind);
        CompoundKindNames.TryParseCompoundKind(kind.ToString().ToLowerInvariant(), out parsed).Should().BeTrue();
        parsed.Should().Be(kind);
    }
}
