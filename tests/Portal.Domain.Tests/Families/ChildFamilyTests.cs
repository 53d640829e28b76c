using Portal.Domain.Families;

namespace Portal.Domain.Tests.Families;

public sealed class ChildFamilyTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_child_can_have_two_custody_holders_but_not_three()
    {
        var child = new Child("Oskar", new DateOnly(2018, 6, 1), Today);
        child.AddCustodyHolder("mother");
        child.AddCustodyHolder("father");

        var error = Assert.Throws<DomainException>(() => child.AddCustodyHolder("stepfather"));

        Assert.Equal("Child.TooManyCustodyHolders", error.Code);
        Assert.Equal(["mother", "father"], child.CustodyHolders.Select(holder => holder.UserId));
    }

    [Fact]
    public void The_same_person_is_not_added_twice()
    {
        var child = new Child("Oskar", new DateOnly(2018, 6, 1), Today);
        child.AddCustodyHolder("mother");

        Assert.Equal("Child.AlreadyCustodyHolder", Assert.Throws<DomainException>(() => child.AddCustodyHolder("mother")).Code);
    }

    [Fact]
    public void Only_custody_holders_and_the_child_itself_can_see_the_child()
    {
        var child = new Child("Emma", new DateOnly(2010, 8, 1), Today);
        child.AddCustodyHolder("mother");
        child.LinkYouthAccount("emma", Today, minimumAge: 12);

        Assert.True(child.CanBeSeenBy("mother"));
        Assert.True(child.CanBeSeenBy("emma"));
        Assert.False(child.CanBeSeenBy("neighbour"));
        Assert.False(child.CanBeSeenBy("brother"));
    }

    [Fact]
    public void A_child_gets_their_own_login_only_from_the_minimum_age()
    {
        var eleven = new Child("Karl", Today.AddYears(-11), Today);
        var twelve = new Child("Ida", Today.AddYears(-12), Today);

        Assert.Equal("Child.TooYoungForAccount", Assert.Throws<DomainException>(() => eleven.LinkYouthAccount("karl", Today, minimumAge: 12)).Code);
        twelve.LinkYouthAccount("ida", Today, minimumAge: 12);
        Assert.Equal("ida", twelve.YouthUserId);
    }

    [Fact]
    public void A_child_cannot_be_their_own_custody_holder()
    {
        var child = new Child("Emma", new DateOnly(2010, 8, 1), Today);
        child.LinkYouthAccount("emma", Today, minimumAge: 12);

        Assert.Equal("Child.CannotBeOwnCustodyHolder", Assert.Throws<DomainException>(() => child.AddCustodyHolder("emma")).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name)
    {
        Assert.Equal("Child.NameRequired", Assert.Throws<DomainException>(() => new Child(name, new DateOnly(2018, 6, 1), Today)).Code);
    }

    [Fact]
    public void An_overlong_name_is_refused_and_a_name_is_trimmed()
    {
        Assert.Equal("Child.NameTooLong", Assert.Throws<DomainException>(() => new Child(new string('a', Child.NameMaxLength + 1), new DateOnly(2018, 6, 1), Today)).Code);
        Assert.Equal("Oskar Jensen", new Child("  Oskar Jensen ", new DateOnly(2018, 6, 1), Today).Name);
    }

    [Fact]
    public void Every_change_renews_the_concurrency_stamp()
    {
        var child = new Child("Oskar", new DateOnly(2018, 6, 1), Today);
        var before = child.ConcurrencyStamp;

        child.AddCustodyHolder("mother");

        Assert.NotEqual(before, child.ConcurrencyStamp);
    }

    [Fact]
    public void Only_assigned_caseworkers_work_with_the_child_and_the_last_one_stays()
    {
        var child = new Child("Oskar", new DateOnly(2018, 6, 1), Today);
        child.AssignCaseworker("lars");
        child.AssignCaseworker("pia");

        child.UnassignCaseworker("lars");

        Assert.False(child.IsAssignedTo("lars"));
        Assert.True(child.IsAssignedTo("pia"));
        Assert.Equal("Child.LastCaseworker", Assert.Throws<DomainException>(() => child.UnassignCaseworker("pia")).Code);
    }

    [Fact]
    public void A_family_member_linked_for_a_revoked_invitation_can_be_removed()
    {
        var child = new Child("Emma", new DateOnly(2010, 8, 1), Today);
        child.AddCustodyHolder("mother");
        child.LinkYouthAccount("emma", Today, minimumAge: 12);

        child.RemoveFamilyMember("emma");
        child.RemoveFamilyMember("mother");

        Assert.False(child.CanBeSeenBy("emma"));
        Assert.False(child.CanBeSeenBy("mother"));
        Assert.Equal("Child.NotAFamilyMember", Assert.Throws<DomainException>(() => child.RemoveFamilyMember("stranger")).Code);
    }
}
