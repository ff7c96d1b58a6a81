using System.Net;
using System.Net.Http.Headers;
using LiveGrid.Blobs;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Silo.Tests.Evidence;

/// <summary>What a 201 promises holds after a restart; the size limit holds when the client sends no length.</summary>
public sealed class EvidenceDurabilityTests
{
    [Fact]
    public async Task A_recorded_photo_is_on_the_ticket_and_in_the_store_after_a_restart()
    {
        using var data = new TempDirectory("evidence-durable");
        var settings = InProcessSilo.Sqlite(data.Path);
        var photo = TestPhotos.Jpeg(seed: 42);
        string ticket;
        string name;
        await using (var first = await ApiSilo.StartAsync(settings: settings))
        {
            ticket = (await first.ReceiveAsync()).Id();
            var upload = await first.Http.PostAsync($"/api/tickets/{ticket}/photos", TestPhotos.Form(photo, "after"));
            upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
            name = (await upload.JsonAsync()).GetProperty("photo").GetProperty("blobName").GetString()!;
        }

        await using var second = await ApiSilo.StartAsync(settings: settings);
        var view = await (await second.Http.GetAsync($"/api/tickets/{ticket}")).JsonAsync();
        view.GetProperty("evidence")[0].GetProperty("blobName").GetString().Should().Be(name);
        view.GetProperty("evidence")[0].GetProperty("stage").GetString().Should().Be("After");
        (await second.Http.GetByteArrayAsync($"/api/evidence/{name}")).Should().Equal(photo);
    }

    [Fact]
    public async Task An_oversize_photo_sent_without_a_length_is_cut_off_at_the_limit_413()
    {
        using var blobs = new TempDirectory("evidence-chunked");
        await using var silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveGrid:Blobs:Folder:RootDirectory"] = blobs.Path,
            ["LiveGrid:Evidence:MaxBytes"] = "100000",
        });
        var ticket = (await silo.ReceiveAsync()).Id();
        var large = TestPhotos.PngHeader(100, 100).Concat(new byte[150_000]).ToArray();
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(new UnsizedStream(large));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(new StringContent("before"), "stage");
        form.Add(file, "file", "big.png");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket}/photos") { Content = form };
        var response = await silo.Http.SendAsync(request);

        request.Content.Headers.ContentLength.Should().BeNull("the body must go chunked for this test to mean anything");
        await response.ProblemAsync(413);
        (await silo.App.Services.GetRequiredService<IBlobStore>().ListAsync("evidence")).Items.Should().BeEmpty();
    }
}
