using Portal.Domain.Families;

namespace Portal.Domain.Tests.Families;

/// <summary>Who belongs to a child's case, and that every change to it renews the stamp.</summary>
public sealed class ChildRulesTests
{
    private static readonly DateOnly Today = new(2027, 2, 20);

    [Fact]
    public void A_child_born_today_has_a_case_and_a_name_of_up_to_100_characters()
    {
        var child = new Child(" Ida Jensen ", Today, Today);

        Assert.Equal(("Ida Jensen", Today, 0), (child.Name, child.DateOfBirth, child.AgeOn(Today)));
        Assert.Matches("^[0-9a-f]{32}$", child.ConcurrencyStamp);
        Assert.Equal(100, new Child(new string('a', 100), Today, Today).Name.Length);
        Assert.Equal("Child.NameTooLong", Assert.Throws<DomainException>(() => new Child(new string('a', 101), Today, Today)).Code);
        Assert.Equal("Child.NameRequired", Assert.Throws<DomainException>(() => new Child(null!, Today, Today)).Code);
        Assert.Equal("Child.BornInTheFuture", Assert.Throws<DomainException>(() => new Child("Ida", Today.AddDays(1), Today)).Code);
    }

    [Fact]
    public void Only_a_29_February_birthday_moves_to_1_March_in_a_common_year()
    {
        Assert.Equal(17, Child.AgeOn(new DateOnly(2010, 2, 10), Today));
        Assert.Equal(17, Child.AgeOn(new DateOnly(2010, 1, 29), new DateOnly(2027, 2, 1)));
        Assert.Equal(16, Child.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2025, 2, 28)));
        Assert.Equal(17, Child.AgeOn(new DateOnly(2008, 2, 29), new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void The_first_name_is_the_first_word_and_a_name_without_words_stays_as_it_is()
    {
        Assert.Equal("Emma", Child.FirstNameOf("Emma  Marie Jensen"));
        Assert.Equal(" ", Child.FirstNameOf(" "));
    }

    [Fact]
    public void A_caseworker_is_assigned_once_and_one_never_assigned_cannot_be_taken_off()
    {
        var child = new Child("Ida Jensen", new DateOnly(2015, 5, 1), Today);
        child.AssignCaseworker("lars");

        Assert.Equal("Child.CaseworkerAlreadyAssigned", Assert.Throws<DomainException>(() => child.AssignCaseworker("lars")).Code);
        Assert.Equal("Child.CaseworkerNotAssigned", Assert.Throws<DomainException>(() => child.UnassignCaseworker("pia")).Code);
        Assert.Single(child.Caseworkers);
    }

    [Fact]
    public void The_young_person_s_own_account_is_linked_once_and_never_as_a_custody_holder()
    {
        var child = new Child("Emma Jensen", new DateOnly(2011, 5, 1), Today);
        child.AddCustodyHolder("mother");

        Assert.Equal("Child.CannotBeOwnCustodyHolder", Assert.Throws<DomainException>(() => child.LinkYouthAccount("mother", Today, 13)).Code);
        child.LinkYouthAccount("emma", Today, 13);

        Assert.Equal("Child.YouthAccountExists", Assert.Throws<DomainException>(() => child.LinkYouthAccount("emma2", Today, 13)).Code);
        Assert.Equal("Child.CannotBeOwnCustodyHolder", Assert.Throws<DomainException>(() => child.AddCustodyHolder("emma")).Code);
        Assert.Equal("emma", child.YouthUserId);
        Assert.Equal(["mother"], child.CustodyHolders.Select(holder => holder.UserId));
    }

    [Fact]
    public void The_15th_birthday_review_keeps_the_first_time_it_was_done()
    {
        var child = new Child("Emma Jensen", new DateOnly(2011, 5, 1), Today);
        var first = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

        child.MarkConsentsReviewed(first);
        child.MarkConsentsReviewed(first.AddDays(1));

        Assert.Equal(first, child.ConsentsReviewedAt);
    }

    [Fact]
    public void Every_change_to_the_case_renews_the_stamp()
    {
        var child = new Child("Emma Jensen", new DateOnly(2011, 5, 1), Today);
        var stamps = new List<string> { child.ConcurrencyStamp };
        var changes = new Action[]
        {
            () => child.AssignCaseworker("lars"),
            () => child.AssignCaseworker("pia"),
            () => child.UnassignCaseworker("lars"),
            () => child.AddCustodyHolder("mother"),
            () => child.LinkYouthAccount("emma", Today, 13),
            () => child.RemoveFamilyMember("emma"),
            () => child.RemoveFamilyMember("mother"),
            () => child.MarkConsentsReviewed(DateTimeOffset.UnixEpoch),
            () => child.Rename("Emma Marie Jensen"),
        };

        foreach (var change in changes)
        {
            change();
            stamps.Add(child.ConcurrencyStamp);
        }

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.Equal("Emma Marie Jensen", child.Name);
    }
}
