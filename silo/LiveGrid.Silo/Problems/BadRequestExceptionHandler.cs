using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace LiveGrid.Silo.Problems;

/// <summary>
/// A body or parameter that cannot be bound (malformed JSON, a string where a number belongs, an unknown enum name)
/// is the client's mistake: answer 400 problem+json saying what and where, never 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var json = FindJsonException(badRequest);
        // The JSON path ("$.expectedVersion") names the field; the rest of the message says what was wrong.
        errors[json?.Path ?? "$"] = [json?.Message ?? badRequest.Message];

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(errors)
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = badRequest.Message,
            },
        });
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
