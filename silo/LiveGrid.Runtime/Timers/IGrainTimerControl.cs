namespace LiveGrid.Runtime.Timers;

/// <summary>What an activation needs of its timers: to stop them all when it deactivates.</summary>
internal interface IGrainTimerControl
{
    void Stop();
}
