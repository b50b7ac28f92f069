using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Rides.Runtime.Storage;

namespace Rides.Runtime.Activation;

/// <summary>
/// Creates grain instances: the public constructor with the most parameters, services from DI,
/// and an <see cref="IPersistentState{TState}"/> for every parameter marked <see cref="PersistentStateAttribute"/>.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Grain CreateInstance(ActivationData activation)
    {
        var type = activation.ClassInfo.ClassType;
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {type} has no public constructor.");
        var parameters = constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var stateAttribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (stateAttribute is not null)
            {
                arguments[i] = CreatePersistentState(activation, parameter, stateAttribute);
            }
            else
            {
                arguments[i] = services.GetService(parameter.ParameterType)
                    ?? (parameter.HasDefaultValue ? parameter.DefaultValue
                        : throw new InvalidOperationException($"Grain class {type} needs a {parameter.ParameterType} that is not registered."));
            }
        }

        var grain = (Grain)constructor.Invoke(arguments);
        grain.Activation = activation;
        return grain;
    }

    private object CreatePersistentState(ActivationData activation, ParameterInfo parameter, PersistentStateAttribute attribute)
    {
        var parameterType = parameter.ParameterType;
        if (!parameterType.IsGenericType || parameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"[PersistentState] parameter '{parameter.Name}' must be an IPersistentState<T>.");
        }

        var storageName = attribute.StorageName ?? ProviderConstants.DefaultStorageProviderName;
        var storage = services.GetKeyedService<IGrainStorage>(storageName)
            ?? throw new InvalidOperationException($"No grain storage named '{storageName}' is registered (grain {activation.ClassInfo.ClassType.Name}).");
        var state = CreateStateMethod.MakeGenericMethod(parameterType.GetGenericArguments()[0])
            .Invoke(null, [attribute.StateName, activation.GrainId, storage])!;
        activation.States.Add((IPersistentStateLifecycle)state);
        return state;
    }

    private static object CreateState<T>(string stateName, GrainId grainId, IGrainStorage storage) =>
        new PersistentState<T>(stateName, grainId, storage);
}
