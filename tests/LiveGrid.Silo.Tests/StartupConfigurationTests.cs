using LiveGrid.Runtime.Hosting;
using LiveGrid.Silo.Configuration;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Tests;

/// <summary>Configuration mistakes stop LiveGrid before it serves, with a message that says how to fix them.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public void An_unknown_storage_provider_is_refused_naming_the_allowed_values()
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?> { ["LiveGrid:Storage:Provider"] = "Cassandra" });

        build.Should().Throw<LiveGridConfigurationException>()
            .WithMessage("*'Cassandra'*LiveGrid:Storage:Provider*Allowed values: Sqlite, Redis, Memory*");
    }

    [Fact]
    public void A_numeric_storage_provider_is_refused()
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?> { ["LiveGrid:Storage:Provider"] = "1" });

        build.Should().Throw<LiveGridConfigurationException>().WithMessage("*Allowed values*");
    }

    [Fact]
    public void Redis_without_a_connection_string_is_refused()
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?> { ["LiveGrid:Storage:Provider"] = "Redis" });

        build.Should().Throw<LiveGridConfigurationException>().WithMessage("*LiveGrid:Storage:Redis:ConnectionString*");
    }

    [Fact]
    public void An_unknown_city_time_zone_is_refused()
    {
        using var data = new TempDirectory("silo");
        var settings = InProcessSilo.Sqlite(data.Path);
        settings["LiveGrid:City:TimeZone"] = "Mars/Olympus_Mons";

        var build = () => InProcessSilo.Build(settings);

        build.Should().Throw<LiveGridConfigurationException>().WithMessage("*Mars/Olympus_Mons*LiveGrid:City:TimeZone*");
    }

    [Fact]
    public async Task Configured_patrol_shifts_replace_the_default_ones_instead_of_adding_to_them()
    {
        using var data = new TempDirectory("silo");
        var settings = InProcessSilo.Sqlite(data.Path);
        settings["LiveGrid:Policies:PatrolShifts:0:Name"] = "全天班";
        settings["LiveGrid:Policies:PatrolShifts:0:Start"] = "09:00";
        settings["LiveGrid:Policies:PatrolShifts:0:End"] = "18:00";
        await using var app = InProcessSilo.Build(settings);

        var shifts = app.Services.GetRequiredService<LiveGrid.Grains.City.CityModel>().Policies.Shifts;

        shifts.Should().ContainSingle().Which.Should().Be(new LiveGrid.Grains.City.PatrolShift("全天班", new TimeOnly(9, 0), new TimeOnly(18, 0)));
    }

    [Fact]
    public void A_patrol_shift_ending_before_it_starts_is_refused()
    {
        var settings = new Dictionary<string, string?>
        {
            ["LiveGrid:Storage:Provider"] = "Memory",
            ["LiveGrid:Policies:PatrolShifts:0:Name"] = "夜班",
            ["LiveGrid:Policies:PatrolShifts:0:Start"] = "21:00",
            ["LiveGrid:Policies:PatrolShifts:0:End"] = "08:00",
        };

        var build = () => InProcessSilo.Build(settings);

        build.Should().Throw<LiveGridConfigurationException>().WithMessage("*PatrolShifts*end after its start*");
    }

    [Fact]
    public async Task Runtime_settings_bind_and_the_host_waits_for_the_runtime_shutdown_plus_the_http_drain()
    {
        using var data = new TempDirectory("silo");
        var settings = InProcessSilo.Sqlite(data.Path);
        settings["LiveGrid:Runtime:ShutdownTimeout"] = "00:00:07";
        settings["LiveGrid:Runtime:CallTimeout"] = "00:00:04";
        await using var app = InProcessSilo.Build(settings);

        var runtime = app.Services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
        var host = app.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        runtime.CallTimeout.Should().Be(TimeSpan.FromSeconds(4));
        runtime.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(7));
        host.ShutdownTimeout.Should().Be(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task The_default_address_is_loopback_port_5080_and_urls_overrides_it()
    {
        using var data = new TempDirectory("silo");
        await using var byDefault = LiveGridHost.Build(["--LiveGrid:Storage:Sqlite:DataDirectory", data.Path]);
        await using var overridden = LiveGridHost.Build(["--LiveGrid:Storage:Sqlite:DataDirectory", data.Path, "--urls", "http://127.0.0.1:6123"]);

        byDefault.Configuration["urls"].Should().Be("http://127.0.0.1:5080");
        overridden.Configuration["urls"].Should().Be("http://127.0.0.1:6123");
    }

    [Fact]
    public async Task Sqlite_is_the_default_and_its_relative_data_directory_is_under_the_content_root()
    {
        using var contentRoot = new TempDirectory("silo");
        await using var app = InProcessSilo.Build(new Dictionary<string, string?>(), "--contentRoot", contentRoot.Path);

        var storage = app.Services.GetRequiredService<StorageSummary>();

        storage.Provider.Should().Be(StorageProvider.Sqlite);
        storage.ToString().Should().Be($"storage: sqlite, data: {Path.Combine(contentRoot.Path, "data")}");
    }
}
