namespace Portal.Domain.Counselling;

/// <summary>Who is asking, if they want to say.</summary>
public enum Asker
{
    Child,
    Youth,
    Parent,
}

/// <summary>What it is about, if they want to say.</summary>
public enum Topic
{
    Grief,
    WorriesAndAnxiety,
    Couple,
    Divorce,
    WellBeing,
    Other,
}

/// <summary>Alone, in a group, or either.</summary>
public enum CounsellingForm
{
    Individual,
    Group,
    Either,
}

public enum RequestState
{
    Waiting,
    Offered,
    Accepted,
    Withdrawn,
    Closed,
}

/// <summary>How a request ended. Nothing about the person: only what the service needs to count.</summary>
public enum Outcome
{
    CounsellingHeld,
    DidNotCome,
    ReferredElsewhere,
    NoLongerNeeded,
}
