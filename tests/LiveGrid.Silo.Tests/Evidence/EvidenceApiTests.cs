using System.Net;
using System.Security.Cryptography;
using System.Text;
using LiveGrid.Blobs;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace LiveGrid.Silo.Tests.Evidence;

/// <summary>Evidence photos over HTTP on the real host and the folder blob store.</summary>
public sealed class EvidenceApiTests : IAsyncLifetime
{
    private readonly TempDirectory _blobs = new("evidence");
    private ApiSilo _silo = null!;

    private IBlobStore Store => _silo.App.Services.GetRequiredService<IBlobStore>();

    public async Task InitializeAsync() => _silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?>
    {
        ["LiveGrid:Blobs:Provider"] = "Folder",
        ["LiveGrid:Blobs:Folder:RootDirectory"] = _blobs.Path,
        ["LiveGrid:Evidence:MaxBytes"] = "200000",
        ["LiveGrid:Evidence:MaxWidth"] = "2000",
        ["LiveGrid:Evidence:MaxHeight"] = "1500",
    });

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _blobs.Dispose();
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    [InlineData("webp")]
    public async Task A_photo_is_stored_by_its_content_and_served_back_byte_for_byte_and_inert(string format)
    {
        var (photo, extension, contentType) = format switch
        {
            "jpeg" => (TestPhotos.Jpeg(), "jpg", "image/jpeg"),
            "png" => (TestPhotos.Png(), "png", "image/png"),
            _ => (TestPhotos.WebP(), "webp", "image/webp"),
        };
        var ticket = (await _silo.ReceiveAsync()).Id();

        // Name and declared type say nothing: the content decides.
        var upload = await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(photo, "before", "IMG_0001.bin", "application/octet-stream"));

        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var name = $"{Convert.ToHexStringLower(SHA256.HashData(photo))}.{extension}";
        upload.Headers.Location!.ToString().Should().Be($"/api/evidence/{name}");
        var recorded = (await upload.JsonAsync()).GetProperty("photo");
        recorded.GetProperty("blobName").GetString().Should().Be(name);
        recorded.GetProperty("contentType").GetString().Should().Be(contentType);
        recorded.GetProperty("width").GetInt32().Should().Be(64);
        recorded.GetProperty("height").GetInt32().Should().Be(48);
        recorded.GetProperty("bytes").GetInt64().Should().Be(photo.Length);
        recorded.GetProperty("stage").GetString().Should().Be("Before");
        recorded.GetProperty("uploadedBy").GetProperty("id").GetString().Should().Be("w1a");
        recorded.GetProperty("at").GetDateTimeOffset().Should().Be(ApiSilo.Start);

        var get = await _silo.Http.GetAsync($"/api/evidence/{name}");
        get.StatusCode.Should().Be(HttpStatusCode.OK);
        (await get.Content.ReadAsByteArrayAsync()).Should().Equal(photo);
        get.Content.Headers.ContentType!.MediaType.Should().Be(contentType);
        get.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        get.Headers.GetValues("Content-Security-Policy").Should().Equal("default-src 'none'; sandbox");
        get.Content.Headers.ContentDisposition!.ToString().Should().Be($"inline; filename=\"{name}\"");
        get.Headers.CacheControl!.ToString().Should().Contain("immutable").And.Contain("max-age=31536000");
        (await Store.ExistsAsync("evidence", name)).Should().BeTrue();

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/api/evidence/{name}");
        revalidate.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        (await _silo.Http.SendAsync(revalidate)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_large_jpeg_thumbnail_is_decoded_scaled_and_has_the_requested_size()
    {
        var ticket = (await _silo.ReceiveAsync()).Id();
        var name = (await (await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(TestPhotos.Jpeg(1600, 1200)))).JsonAsync())
            .GetProperty("photo").GetProperty("blobName").GetString();

        var thumb = await _silo.Http.GetByteArrayAsync($"/api/evidence/{name}/thumbnail?size=100");

        using var decoded = SKBitmap.Decode(thumb);
        (decoded.Width, decoded.Height).Should().Be((100, 75));
    }

    [Fact]
    public async Task The_ticket_shows_its_evidence_before_and_after_each_in_its_audit_trail_and_its_status_stays()
    {
        var ticket = (await _silo.ReceiveAsync()).Id();
        var accepted = await _silo.DispatchAndAcceptAsync(ticket);

        (await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(TestPhotos.Jpeg(seed: 1), "before"))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(TestPhotos.Png(seed: 2), "AFTER"))).StatusCode.Should().Be(HttpStatusCode.Created);
        // A retried upload of the same photo is recorded once, in the evidence and in the trail.
        (await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(TestPhotos.Png(seed: 2), "after"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var view = await (await _silo.Http.GetAsync($"/api/tickets/{ticket}")).JsonAsync();
        view.Status().Should().Be("Accepted");
        view.Version().Should().Be(accepted.Version() + 2, "each photo is one audit entry");
        var evidence = view.GetProperty("evidence").EnumerateArray().ToList();
        evidence.Select(e => e.GetProperty("stage").GetString()).Should().Equal("Before", "After");
        evidence.Select(e => e.GetProperty("contentType").GetString()).Should().Equal("image/jpeg", "image/png");

        var trail = (await (await _silo.Http.GetAsync($"/api/tickets/{ticket}/audit")).JsonAsync()).EnumerateArray().ToList();
        var attached = trail.TakeLast(2).ToList();
        attached.Should().OnlyContain(e => e.GetProperty("action").GetString() == "AttachEvidence"
            && e.GetProperty("from").GetString() == "Accepted" && e.GetProperty("to").GetString() == "Accepted");
        attached.Select(e => e.GetProperty("detail").GetString()).Should().Equal(
            $"Before {evidence[0].GetProperty("blobName").GetString()}", $"After {evidence[1].GetProperty("blobName").GetString()}");
        attached[0].GetProperty("by").GetProperty("id").GetString().Should().Be(evidence[0].GetProperty("uploadedBy").GetProperty("id").GetString());
        trail.Count(e => e.GetProperty("action").GetString() == "AttachEvidence").Should().Be(2);
    }

    [Fact]
    public async Task Evidence_cannot_be_written_into_the_trail_without_the_photo()
    {
        var ticket = (await _silo.ReceiveAsync()).Id();
        var grain = _silo.App.Services.GetRequiredService<LiveGrid.Runtime.IGrainFactory>().GetGrain<LiveGrid.Grains.Tickets.ITicketGrain>(ticket);

        var result = await grain.Execute(new LiveGrid.Grains.Tickets.AttachEvidence(
            new LiveGrid.Grains.Tickets.TicketActor("w1a", LiveGrid.Grains.Tickets.ActorRole.GridWorker, "张1"), default,
            $"{new string('b', 64)}.jpg", LiveGrid.Grains.Evidence.EvidenceStage.Before));

        result.Applied.Should().BeFalse();
        result.Rejection!.Message.Should().Contain("by attaching the photo");
        (await grain.GetAuditTrail()).Should().NotContain(e => e.Action == LiveGrid.Grains.Tickets.TicketActionKind.AttachEvidence);
    }

    [Fact]
    public async Task A_script_named_jpg_is_refused_415_and_nothing_is_stored()
    {
        var ticket = (await _silo.ReceiveAsync()).Id();
        var html = Encoding.UTF8.GetBytes("<html><body><script>fetch('/api/tickets').then(r=>r.text()).then(alert)</script></body></html>");

        var upload = await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(html, "before", "evil.jpg", "image/jpeg"));

        var problem = await upload.ProblemAsync(415);
        problem.GetProperty("detail").GetString().Should().Contain("not a JPEG, PNG or WebP");
        (await Store.ListAsync("evidence")).Items.Should().BeEmpty();
        (await (await _silo.Http.GetAsync($"/api/tickets/{ticket}")).JsonAsync()).GetProperty("evidence").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task An_oversize_photo_is_refused_413_and_nothing_is_stored()
    {
        var ticket = (await _silo.ReceiveAsync()).Id();
        // A valid PNG header followed by more than the 200 000-byte limit.
        var large = TestPhotos.PngHeader(100, 100).Concat(new byte[250_000]).ToArray();

        var upload = await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(large, "before", "big.png", "image/png"));

        (await upload.ProblemAsync(413)).GetProperty("detail").GetString().Should().Contain("200000 bytes");
        (await Store.ListAsync("evidence")).Items.Should().BeEmpty();
    }

    [Theory]
    [InlineData(2001u, 100u, "at most 2000×1500")]
    [InlineData(100u, 1501u, "at most 2000×1500")]
    [InlineData(15u, 100u, "at least 16")]
    public async Task Bad_dimensions_are_refused_400_from_the_header_and_nothing_is_stored(uint width, uint height, string why)
    {
        var ticket = (await _silo.ReceiveAsync()).Id();

        var upload = await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(TestPhotos.PngHeader(width, height), "before", "p.png", "image/png"));

        var problem = await upload.ProblemAsync(400);
        problem.GetProperty("errors").GetProperty("file")[0].GetString().Should().Contain(why);
        (await Store.ListAsync("evidence")).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_stage_or_actor_is_400()
    {
        var ticket = (await _silo.ReceiveAsync()).Id();
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestPhotos.Jpeg()), "file", "a.jpg" }, { new StringContent("during"), "stage" } };

        var problem = await (await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", form)).ProblemAsync(400);

        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("stage", out _).Should().BeTrue();
        errors.TryGetProperty("actor.id", out _).Should().BeTrue();
        (await Store.ListAsync("evidence")).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task The_same_photo_twice_is_one_blob_with_one_name()
    {
        var ticket = (await _silo.ReceiveAsync()).Id();
        var other = (await _silo.ReceiveAsync(grid: 2)).Id();
        var photo = TestPhotos.WebP(seed: 7);

        var first = await (await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(photo))).JsonAsync();
        var again = await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(photo));
        var elsewhere = await (await _silo.Http.PostAsync($"/api/tickets/{other}/photos", TestPhotos.Form(photo, "after"))).JsonAsync();

        again.StatusCode.Should().Be(HttpStatusCode.Created);
        var repeated = await again.JsonAsync();
        repeated.GetProperty("alreadyAttached").GetBoolean().Should().BeTrue();
        var name = first.GetProperty("photo").GetProperty("blobName").GetString();
        repeated.GetProperty("photo").GetProperty("blobName").GetString().Should().Be(name);
        elsewhere.GetProperty("photo").GetProperty("blobName").GetString().Should().Be(name);
        (await Store.ListAsync("evidence")).Items.Select(b => b.Name).Should().Equal(name);
        (await (await _silo.Http.GetAsync($"/api/tickets/{ticket}")).JsonAsync()).GetProperty("evidence").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_terminal_ticket_takes_no_evidence_409_and_nothing_is_stored()
    {
        var original = (await _silo.ReceiveAsync()).Id();
        var duplicate = (await _silo.ReceiveAsync()).Id();
        (await _silo.ActAsync(duplicate, "merge", new { actor = Actors.Operator, originalTicketId = original })).Status().Should().Be("Merged");

        var upload = await _silo.Http.PostAsync($"/api/tickets/{duplicate}/photos", TestPhotos.Form(TestPhotos.Jpeg()));

        (await upload.ProblemAsync(409)).GetProperty("ticketStatus").GetString().Should().Be("Merged");
        (await Store.ListAsync("evidence")).Items.Should().BeEmpty();
        await (await _silo.Http.PostAsync("/api/tickets/no-such-ticket/photos", TestPhotos.Form(TestPhotos.Jpeg()))).ProblemAsync(404);
    }

    [Fact]
    public async Task A_patrol_photo_is_recorded_in_the_inspection_history()
    {
        var patrol = $"{TestCity.Grid1}-20261123-0";

        var upload = await _silo.Http.PostAsync($"/api/inspections/{patrol}/photos", TestPhotos.Form(TestPhotos.Png(seed: 9)));

        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var name = (await upload.JsonAsync()).GetProperty("photo").GetProperty("blobName").GetString();
        var view = await (await _silo.Http.GetAsync($"/api/inspections/{patrol}")).JsonAsync();
        view.GetProperty("evidence")[0].GetProperty("blobName").GetString().Should().Be(name);
        var last = view.GetProperty("history").EnumerateArray().Last();
        last.GetProperty("action").GetString().Should().Be("AttachEvidence");
        view.GetProperty("summary").GetProperty("status").GetString().Should().Be("Scheduled");
    }

    [Fact]
    public async Task A_completed_patrol_takes_no_evidence_409_and_nothing_is_stored()
    {
        var patrol = $"{TestCity.Grid1}-20261123-0";
        var worker = (await (await _silo.Http.GetAsync($"/api/inspections/{patrol}")).JsonAsync()).GetProperty("plan").GetProperty("workerId").GetString()!;
        var actor = Actors.Worker(worker);
        var (longitude, latitude) = TestCity.Centre(1);
        (await _silo.PostJsonAsync($"/api/inspections/{patrol}/check-in", new { actor, longitude, latitude })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _silo.PostJsonAsync($"/api/inspections/{patrol}/complete", new { actor, note = "巡查完毕" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var upload = await _silo.Http.PostAsync($"/api/inspections/{patrol}/photos", TestPhotos.Form(TestPhotos.Png()));

        (await upload.ProblemAsync(409)).GetProperty("inspectionStatus").GetString().Should().Be("Completed");
        (await Store.ListAsync("evidence")).Items.Should().BeEmpty();
        await (await _silo.Http.PostAsync("/api/inspections/no-such-patrol/photos", TestPhotos.Form(TestPhotos.Png()))).ProblemAsync(404);
    }

    [Fact]
    public async Task Unknown_names_are_404_and_invalid_names_400()
    {
        await (await _silo.Http.GetAsync($"/api/evidence/{new string('a', 64)}.jpg")).ProblemAsync(404);
        await (await _silo.Http.GetAsync("/api/evidence/photo.jpg")).ProblemAsync(400);
        await (await _silo.Http.GetAsync($"/api/evidence/{new string('A', 64)}.jpg")).ProblemAsync(400);
        await (await _silo.Http.GetAsync($"/api/evidence/{new string('a', 64)}.html")).ProblemAsync(400);
        await (await _silo.Http.GetAsync($"/api/evidence/{new string('a', 64)}.jpg/thumbnail")).ProblemAsync(404);
    }

    [Theory]
    [InlineData("jpeg", 32)]
    [InlineData("png", 40)]
    [InlineData("webp", 16)]
    public async Task A_thumbnail_is_an_image_whose_longer_side_is_the_requested_size(string format, int size)
    {
        var photo = format switch { "jpeg" => TestPhotos.Jpeg(200, 100), "png" => TestPhotos.Png(200, 100), _ => TestPhotos.WebP(200, 100) };
        var ticket = (await _silo.ReceiveAsync()).Id();
        var name = (await (await _silo.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(photo))).JsonAsync())
            .GetProperty("photo").GetProperty("blobName").GetString();

        var thumb = await _silo.Http.GetAsync($"/api/evidence/{name}/thumbnail?size={size}");

        thumb.StatusCode.Should().Be(HttpStatusCode.OK, await thumb.Content.ReadAsStringAsync());
        thumb.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        thumb.Content.Headers.ContentType!.MediaType.Should().Be(format == "jpeg" ? "image/jpeg" : "image/png");
        using var decoded = SKBitmap.Decode(await thumb.Content.ReadAsByteArrayAsync());
        decoded.Should().NotBeNull();
        (decoded.Width, decoded.Height).Should().Be((size, size / 2));
        (await Store.ListAsync("evidence", "thumbs/")).Items.Should().ContainSingle();

        // The second request is served from the stored thumbnail.
        var again = await _silo.Http.GetAsync($"/api/evidence/{name}/thumbnail?size={size}");
        (await again.Content.ReadAsByteArrayAsync()).Should().Equal(await thumb.Content.ReadAsByteArrayAsync());
        await (await _silo.Http.GetAsync($"/api/evidence/{name}/thumbnail?size=4")).ProblemAsync(400);
    }
}
