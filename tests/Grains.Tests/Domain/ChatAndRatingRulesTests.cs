using Rides.Grains.Chat;
using Rides.Grains.Domain.Chat;
using Rides.Grains.Domain.Ratings;
using Rides.Grains.Errors;
using Rides.Grains.Rides;

namespace Rides.Grains.Tests.Domain;

public sealed class ChatAndRatingRulesTests
{
    [Fact]
    public void A_message_is_trimmed()
    {
        Assert.Equal("I'm here!", ChatRules.NormalizeText("  I'm here!\n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bell\u0007")]
    public void An_empty_or_control_character_message_is_refused(string? text)
    {
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<RidesException>(() => ChatRules.NormalizeText(text)).Code);
    }

    [Fact]
    public void A_message_of_exactly_the_limit_is_accepted_and_one_more_character_is_refused()
    {
        Assert.Equal(ChatLimits.MaxMessageLength, ChatRules.NormalizeText(new string('a', ChatLimits.MaxMessageLength)).Length);
        var ex = Assert.Throws<RidesException>(() => ChatRules.NormalizeText(new string('a', ChatLimits.MaxMessageLength + 1)));
        Assert.Equal(ErrorCodes.ValidationFailed, ex.Code);
        Assert.Equal("message: must be at most 1000 characters", ex.Detail);
    }

    [Theory]
    [InlineData(0, null, 0)]
    [InlineData(201, null, 0)]
    [InlineData(10, 0L, 0)]
    [InlineData(10, null, -1)]
    public void A_page_request_out_of_range_is_refused(int limit, long? before, int skip)
    {
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<RidesException>(() => ChatRules.NormalizePage(new ChatPageRequest(limit, before, skip))).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_rating_outside_one_to_five_is_refused(int stars)
    {
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<RidesException>(() => RatingRules.Normalize(new RatingRequest(stars))).Code);
    }

    [Fact]
    public void A_rating_comment_is_trimmed_and_an_empty_one_dropped()
    {
        Assert.Equal("great", RatingRules.Normalize(new RatingRequest(5, " great ")).Comment);
        Assert.Null(RatingRules.Normalize(new RatingRequest(5, "  ")).Comment);
    }

    [Fact]
    public void The_average_is_five_before_any_rating_and_rounded_to_two_decimals_after()
    {
        Assert.Equal(5.0, RatingRules.Average(0, 0));
        Assert.Equal(4.67, RatingRules.Average(14, 3));
    }

    [Fact]
    public void A_tally_counts_each_ride_once_refuses_out_of_range_stars_and_forgets_the_oldest_ride()
    {
        var tally = new Tally();

        Assert.True(RatingRules.Record(tally, "ride-1", 4));
        Assert.False(RatingRules.Record(tally, "ride-1", 1));
        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Throws<RidesException>(() => RatingRules.Record(tally, "ride-2", 6)).Code);
        Assert.Equal((4L, 1), (tally.RatingSum, tally.RatingCount));

        for (var i = 0; i < RatingRules.RatedRidesKept; i++)
        {
            Assert.True(RatingRules.Record(tally, $"more-{i}", 5));
        }

        Assert.Equal(RatingRules.RatedRidesKept, tally.RatedRideIds.Count);
        Assert.DoesNotContain("ride-1", tally.RatedRideIds);
        Assert.Equal(RatingRules.RatedRidesKept + 1, tally.RatingCount);
    }

    private sealed class Tally : IRatingTally
    {
        public long RatingSum { get; set; }

        public int RatingCount { get; set; }

        public List<string> RatedRideIds { get; } = [];
    }
}
