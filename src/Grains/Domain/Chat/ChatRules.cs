using System.Globalization;
using Rides.Grains.Chat;
using Rides.Grains.Domain.Validation;

namespace Rides.Grains.Domain.Chat;

/// <summary>Message and paging rules shared by ride chat and support conversations.</summary>
public static class ChatRules
{
    /// <summary>The text to store: trimmed, 1 to <see cref="ChatLimits.MaxMessageLength"/> characters, no control characters except line breaks and tabs.</summary>
    public static string NormalizeText(string? text)
    {
        var trimmed = Validate.RequiredText(text, "message", ChatLimits.MaxMessageLength);
        foreach (var ch in trimmed)
        {
            if (char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t')
            {
                throw DomainErrors.Validation("message", "must not contain control characters");
            }
        }

        return trimmed;
    }

    /// <summary>Checks a page request: limit 1 to <see cref="ChatLimits.MaxPageSize"/>, before id positive, skip not negative.</summary>
    public static ChatPageRequest NormalizePage(ChatPageRequest? page)
    {
        page ??= new ChatPageRequest();
        if (page.Limit < 1 || page.Limit > ChatLimits.MaxPageSize)
        {
            throw DomainErrors.Validation("limit", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {ChatLimits.MaxPageSize}"));
        }

        if (page.BeforeId is <= 0)
        {
            throw DomainErrors.Validation("before_id", "must be positive");
        }

        if (page.Skip < 0 || page.Skip > 100_000)
        {
            throw DomainErrors.Validation("skip", "must be between 0 and 100000");
        }

        return page;
    }
}
