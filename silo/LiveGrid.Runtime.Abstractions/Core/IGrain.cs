namespace LiveGrid.Runtime;

/// <summary>Marker for every grain interface. A grain interface's methods return <see cref="Task"/>,
/// <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>.</summary>
public interface IGrain;
