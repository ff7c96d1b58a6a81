using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Users;

namespace LiveGrid.Grains.Tests.Users;

/// <summary>Sign-in accounts as grains: created once, listed in the directory, durable across a restart.</summary>
public sealed class UserGrainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);

    private static UserAccount Account(string userName, string role, string? workerId = null) => new()
    {
        UserName = userName,
        PasswordHash = "hash-of-" + userName,
        Roles = [role],
        WorkerId = workerId,
        CreatedAt = Start,
        UpdatedAt = Start,
    };

    [Fact]
    public async Task An_account_is_created_once_listed_without_its_hash_and_survives_a_restart()
    {
        var stores = new SharedStores();
        await using (var first = await stores.StartSiloAsync(Start))
        {
            var user = first.GrainFactory.GetGrain<IUserGrain>(UserNames.Normalize(" Li.Na "));
            (await user.Get()).Should().BeNull();

            (await user.Create(Account("Li.Na", "GridWorker", "w1a"))).Should().BeTrue();
            (await user.Create(Account("LI.NA", "Administrator"))).Should().BeFalse("a second account of the same name changes nothing");
            (await first.GrainFactory.GetGrain<IUserGrain>(UserNames.Normalize("ops")).Create(Account("ops", "Operator"))).Should().BeTrue();
        }

        await using var second = await stores.StartSiloAsync(Start.AddHours(1));
        var account = await second.GrainFactory.GetGrain<IUserGrain>("LI.NA").Get();
        account.Should().NotBeNull();
        account!.Roles.Should().Equal("GridWorker");
        account.WorkerId.Should().Be("w1a");
        account.PasswordHash.Should().Be("hash-of-Li.Na");
        var directory = await second.GrainFactory.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).List();
        directory.Should().BeEquivalentTo(
            [new UserEntry("Li.Na", ["GridWorker"], "w1a", null, true), new UserEntry("ops", ["Operator"], null, null, true)],
            options => options.WithStrictOrdering().ComparingRecordsByMembers());
    }

    [Fact]
    public async Task Saving_replaces_the_account_and_its_directory_entry_and_a_foreign_account_is_refused()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        var user = silo.GrainFactory.GetGrain<IUserGrain>("OPS");
        await user.Save(Account("ops", "Operator"));

        await user.Save(Account("ops", "Operator") with { Enabled = false, UpdatedAt = Start.AddDays(1) });

        (await user.Get())!.Enabled.Should().BeFalse();
        (await silo.GrainFactory.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).List()).Single().Enabled.Should().BeFalse();
        var foreign = () => user.Save(Account("someone-else", "Operator"));
        await foreign.Should().ThrowAsync<ArgumentException>();
    }
}
