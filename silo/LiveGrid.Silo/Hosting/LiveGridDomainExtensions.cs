using LiveGrid.Grains;
using LiveGrid.Grains.Calendar;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Silo.Configuration;

namespace LiveGrid.Silo.Hosting;

/// <summary>Puts LiveGrid's domain into the host: the city model, the event stream, the ticket catalog and the start-up work.</summary>
public static class LiveGridDomainExtensions
{
    public static WebApplicationBuilder AddLiveGridDomain(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;

        // Built now, not lazily in a factory: a bad calendar, SLA table or policy stops the host before it serves.
        var city = BuildCityModel(configuration);
        builder.Services.AddSingleton(city);
        builder.Services.AddSingleton<DomainEventStream>();
        builder.Services.AddSingleton<IDomainEventStream>(sp => sp.GetRequiredService<DomainEventStream>());
        builder.Services.AddSingleton<TicketCatalog>();
        builder.Services.AddSingleton<ITicketCatalog>(sp => sp.GetRequiredService<TicketCatalog>());

        builder.Services.Configure<GrainRuntimeOptions>(options =>
        {
            // The grains' state types, source-generated: tried before the serializer's reflection fallback.
            foreach (var resolver in GrainsAssembly.StateTypeInfoResolvers)
            {
                options.StateTypeInfoResolvers.Add(resolver);
            }
        });

        var startup = configuration.GetSection(StartupOptions.SectionName).Get<StartupOptions>() ?? new StartupOptions();
        if (startup.CatalogDays < 0 || startup.OlderOpenDays < 0)
        {
            throw new LiveGridConfigurationException(
                $"{StartupOptions.SectionName}:CatalogDays and OlderOpenDays must be zero or more days; got {startup.CatalogDays} and {startup.OlderOpenDays}.");
        }

        builder.Services.AddSingleton(startup);
        // Registered after the grain runtime, so it starts once the runtime runs, and before Kestrel serves.
        builder.Services.AddSingleton<LiveGridStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveGridStartup>());
        return builder;
    }

    /// <summary>The calendar ("LiveGrid:Calendar") in the city's time zone, the SLA table ("LiveGrid:Sla") and the policies ("LiveGrid:Policies").</summary>
    public static CityModel BuildCityModel(IConfiguration configuration)
    {
        var timeZone = StorageConfiguration.ReadCity(configuration).TimeZone;
        try
        {
            var calendarOptions = configuration.GetSection(CalendarSectionName).Get<BusinessCalendarOptions>() ?? new BusinessCalendarOptions();
            // One time zone for the whole city: deadlines and "today" must agree with the calendar.
            calendarOptions.TimeZoneId = timeZone;
            var calendar = BusinessCalendar.Create(calendarOptions);
            var sla = SlaPolicy.Create(configuration.GetSection(SlaSectionName).Get<SlaPolicyOptions>() ?? new SlaPolicyOptions());
            var policies = configuration.GetSection(CityPolicies.SectionName).Get<CityPolicies>() ?? new CityPolicies();
            return new CityModel(calendar, sla, policies.Validate());
        }
        catch (Exception ex) when (ex is ArgumentException or CalendarDataException or InvalidOperationException or FormatException)
        {
            // InvalidOperationException/FormatException: the binder could not convert a value (e.g. "Priority": "Huge").
            throw new LiveGridConfigurationException($"the city settings are not usable: {ex.Message}");
        }
    }

    public const string CalendarSectionName = "LiveGrid:Calendar";

    public const string SlaSectionName = "LiveGrid:Sla";
}
