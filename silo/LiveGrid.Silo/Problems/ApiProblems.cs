using LiveGrid.Silo.Api.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveGrid.Silo.Problems;

/// <summary>The API's problem+json answers (RFC 9457), built one way everywhere.</summary>
public static class ApiProblems
{
    public static ValidationProblem Validation(ValidationErrors errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: detail, title: "The request is not valid.");

    public static ValidationProblem Validation(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Validation(errors);
    }

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Not found.", detail: what, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?> extensions) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);
}
